package org.glasshouse.reports.model;

/**
 * How a cell is formatted in CSV and HTML.
 * <ul>
 *   <li>{@link #TEXT}, {@link #ID}: as text; formula-neutralised in CSV.</li>
 *   <li>{@link #INTEGER}: integer, no thousands separator in HTML (years, codes, periods).</li>
 *   <li>{@link #COUNT}: integer quantity, thousands separators in HTML.</li>
 *   <li>{@link #MONEY}: 2 decimals, HALF_UP.</li>
 *   <li>{@link #RATE}: 4 decimals, HALF_UP.</li>
 *   <li>{@link #NUMBER}: at most 6 decimals, HALF_UP, trailing zeros dropped.</li>
 *   <li>{@link #DATE}: ISO-8601 (yyyy-MM-dd).</li>
 * </ul>
 */
public enum ColumnType {
    TEXT, ID, INTEGER, COUNT, MONEY, RATE, NUMBER, DATE;

    /** True for the types whose cells are numbers (right-aligned, never formula-neutralised). */
    public boolean isNumeric() {
        return switch (this) {
            case INTEGER, COUNT, MONEY, RATE, NUMBER -> true;
            case TEXT, ID, DATE -> false;
        };
    }
}
