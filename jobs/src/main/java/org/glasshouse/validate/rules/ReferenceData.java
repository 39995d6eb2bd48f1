package org.glasshouse.validate.rules;

import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Accepted (typed) reference datasets that cross-dataset checks look rows up in. */
public record ReferenceData(Map<String, Dataset<Row>> curated, String reportingCurrency, int graceDays) {

    public Optional<Dataset<Row>> get(String dataset) {
        return Optional.ofNullable(curated.get(dataset));
    }
}
