package org.glasshouse.metrics;

import org.glasshouse.metrics.flags.FlagRule;

/**
 * An integrity check with the threshold in force, for the methodology.
 *
 * @param rule      id, subject type, title and definition
 * @param threshold the configured limit in words
 * @param setting   the configuration key(s) under glasshouse.thresholds
 */
public record FlagDefinition(FlagRule rule, String threshold, String setting) {}
