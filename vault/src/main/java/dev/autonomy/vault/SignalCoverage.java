package dev.autonomy.vault;

import java.time.Instant;

/**
 * How many signals of a kind one source and device gave, over which span: the data behind an
 * explanation, traceable to records.
 */
public record SignalCoverage(
    String kind, String source, String device, long records, Instant first, Instant last) {}
