package org.glasshouse.metrics;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** One metric table: a pure function of the curated inputs. Adding a table is one class plus its test. */
public interface MetricTable {

    String name();

    Dataset<Row> compute(MetricInputs in);

    /**
     * Whether the table's size is bounded by the reference data (one row per agreement, partner, programme…), so
     * the driver may hold it and write it without a Spark job. A table that can grow with the rows says false.
     */
    default boolean bounded() {
        return true;
    }
}
