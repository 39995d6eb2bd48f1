package org.glasshouse.reports.model;

/** The chart types the report uses. */
public enum ChartKind {
    BAR, LINE
}
