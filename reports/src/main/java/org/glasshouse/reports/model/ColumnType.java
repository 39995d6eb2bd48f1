package org.glasshouse.reports.model;

/**
 * How a cell is formatted: the plain form in CSV and JSON, and the display form on pages and in the PDF.
 * <ul>
 *   <li>{@link #TEXT}, {@link #ID}: as text; formula-neutralised in CSV.</li>
 *   <li>{@link #INTEGER}: integer, no thousands separator on pages (years, codes, periods).</li>
 *   <li>{@link #COUNT}: integer quantity, thousands separators on pages.</li>
 *   <li>{@link #MONEY}: 2 decimals, HALF_UP; pages group thousands (the currency is in the heading or label).</li>
 *   <li>{@link #RATE}: a share, 4 decimals, HALF_UP; pages show it as a percentage with one decimal.</li>
 *   <li>{@link #NUMBER}: at most 6 decimals, HALF_UP, trailing zeros dropped.</li>
 *   <li>{@link #P_VALUE}: a probability, in files as {@link #NUMBER}; pages show "&lt; 0.001" or three decimals.</li>
 *   <li>{@link #DATE}: ISO-8601 (yyyy-MM-dd) in files; written out on pages (30 September 2026).</li>
 * </ul>
 */
public enum ColumnType {
    TEXT, ID, INTEGER, COUNT, MONEY, RATE, NUMBER, P_VALUE, DATE;

    /** True for the types whose cells are numbers (right-aligned, never formula-neutralised). */
    public boolean isNumeric() {
        return switch (this) {
            case INTEGER, COUNT, MONEY, RATE, NUMBER, P_VALUE -> true;
            case TEXT, ID, DATE -> false;
        };
    }
}
