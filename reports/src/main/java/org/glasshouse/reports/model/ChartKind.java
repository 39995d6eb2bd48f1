package org.glasshouse.reports.model;

/**
 * The chart types the report uses. BAND is a line chart whose first series is the estimate and whose second and
 * third series are the lower and upper ends of its confidence interval (drawn dashed, as the band around it).
 */
public enum ChartKind {
    BAR, LINE, BAND
}
