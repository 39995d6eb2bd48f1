package org.glasshouse.reports.model;

import java.util.List;
import java.util.Objects;

/**
 * A chart over categories. The id is the file stem of {@code charts/<id>.png|.svg} and must match
 * [a-z0-9-]+. Alt text is required (it becomes the img alt). The value type formats the chart's numbers (axis and
 * data table) exactly as a table column of that type, so a figure reads the same in the chart and in the tables.
 */
public record Chart(String id, ChartKind kind, String title, String altText, String categoryAxisLabel,
                    String valueAxisLabel, List<String> categories, List<ChartSeries> series, ColumnType valueType) {
    public Chart(String id, ChartKind kind, String title, String altText, String categoryAxisLabel,
                 String valueAxisLabel, List<String> categories, List<ChartSeries> series) {
        this(id, kind, title, altText, categoryAxisLabel, valueAxisLabel, categories, series, ColumnType.NUMBER);
    }

    public Chart {
        Objects.requireNonNull(valueType, "valueType");
        if (!valueType.isNumeric()) {
            throw new IllegalArgumentException("chart " + id + " values must be of a numeric type: " + valueType);
        }
        if (!SafeNames.isSafeChartId(id)) {
            throw new IllegalArgumentException("chart id must match [a-z0-9-]+: " + SafeNames.quote(id));
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        if (altText == null || altText.isBlank()) {
            throw new IllegalArgumentException("chart " + id + " needs non-blank alt text");
        }
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (ChartSeries s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("chart " + id + " series " + SafeNames.quote(s.name())
                        + " has " + s.values().size() + " values for " + categories.size() + " categories");
            }
        }
    }

    /** Number of (series, category) values that are null and therefore not drawn. */
    public int missingValueCount() {
        int n = 0;
        for (ChartSeries s : series) {
            for (Double v : s.values()) {
                if (v == null || v.isNaN() || v.isInfinite()) {
                    n++;
                }
            }
        }
        return n;
    }
}
