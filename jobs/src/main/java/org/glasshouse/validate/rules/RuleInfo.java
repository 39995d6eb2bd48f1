package org.glasshouse.validate.rules;

/**
 * A rule's stable identity and documentation: what it checks, what a good value looks like ({@code expected},
 * the Broker's "Expected Value" column) and how to fix a row that breaks it.
 */
public record RuleInfo(String id, String dataset, String field, Severity defaultSeverity, String title, String hint,
                       String expected) {}
