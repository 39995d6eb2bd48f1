package org.glasshouse.metrics;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Tiny typed tables from CSV lines and a DDL schema, for hand-checked metric tests. */
final class Fixtures {

    private final SparkSession spark;

    Fixtures(SparkSession spark) {
        this.spark = spark;
    }

    Dataset<Row> table(String ddl, List<String> lines) {
        return spark.read().schema(ddl).option("header", "false")
                .csv(spark.createDataset(lines, Encoders.STRING()));
    }

    /** An empty table with every column any metric reads, for inputs a test does not need. */
    Dataset<Row> empty() {
        return table("partner_id STRING, partner_type STRING, programme_id STRING, indicator_id STRING, "
                + "direction STRING, agreement_id STRING, beneficiary_ref STRING, measured_on DATE, phase STRING, "
                + "`group` STRING, value DOUBLE, currency STRING, month STRING, rate_to_reporting_currency DOUBLE, "
                + "date DATE, service_date DATE, period STRING, baseline DOUBLE, target DOUBLE, actual DOUBLE, unit STRING, "
                + "name STRING, type STRING, amount DOUBLE, transaction_id STRING, record_id STRING", List.of());
    }
}
