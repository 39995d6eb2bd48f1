package org.glasshouse.reports.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** One series of a chart: one value per category; null = missing or suppressed (not drawn). */
public record ChartSeries(String name, List<Double> values) {
    public ChartSeries {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }
}
