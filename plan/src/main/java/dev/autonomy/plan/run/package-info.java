/**
 * Running loops of a requested distance that repeat few streets ({@link
 * dev.autonomy.plan.run.RunPlanner}), with GPX export.
 */
package dev.autonomy.plan.run;
