package dev.autonomy.text.eval;

/** Precision, recall, F1 and support of one class (or an average, where support is the total). */
record ClassScore(String label, double precision, double recall, double f1, int support) {}
