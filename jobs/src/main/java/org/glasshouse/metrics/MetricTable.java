package org.glasshouse.metrics;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** One metric table: a pure function of the curated inputs. Adding a table is one class plus its test. */
public interface MetricTable {

    String name();

    Dataset<Row> compute(MetricInputs in);
}
