package org.glasshouse.report;

/**
 * One metric as the methodology page states it. The metrics catalogue supplies these (name, definition in words,
 * formula, unit, how edge cases come out, and the threshold when the metric raises a flag).
 */
public record MethodologyEntry(String name, String definition, String formula, String unit, String edgeCases,
                               String threshold) {
}
