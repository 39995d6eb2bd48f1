package org.glasshouse.metrics;

/**
 * One published metric in plain words: the single source of docs/methodology.md and of the report's methodology
 * page.
 *
 * @param name       column name in the open data
 * @param tables     the public tables the column appears in, comma-separated
 * @param definition what it means, for a reader without statistics
 * @param formula    how it is computed
 * @param unit       reporting currency, people, share (0–1), days, ...
 * @param edgeCases  what is published when the formula is undefined, and other special cases
 * @param threshold  the configured limit it is judged against, or null
 */
public record MetricDefinition(String name, String tables, String definition, String formula, String unit,
                               String edgeCases, String threshold) {}
