package org.glasshouse.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.testing.SharedSpark;

/**
 * The golden fixture under src/test/resources/golden/: curated tables as CSV with the curated column types, plus
 * the validate step's file accounting and findings. Every expected figure is derived by hand in
 * {@link GoldenMetricsTest}; see golden/README.md for the story of the fixture.
 */
final class GoldenFixture {

    static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

    private static final Map<String, String> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("partners", "partner_id STRING, name STRING, partner_type STRING, region_code STRING, registered_id STRING");
        SCHEMAS.put("programmes", "programme_id STRING, name STRING, agency STRING, sector STRING, start_date DATE, end_date DATE, budget DOUBLE, currency STRING");
        SCHEMAS.put("agreements", "agreement_id STRING, programme_id STRING, partner_id STRING, start_date DATE, end_date DATE, committed_amount DOUBLE, currency STRING, payment_model STRING, reporting_due_day BIGINT");
        SCHEMAS.put("indicators", "indicator_id STRING, programme_id STRING, name STRING, unit STRING, direction STRING");
        SCHEMAS.put("fx_rates", "currency STRING, month STRING, rate_to_reporting_currency DOUBLE");
        SCHEMAS.put("transactions", "transaction_id STRING, agreement_id STRING, date DATE, type STRING, amount DOUBLE, currency STRING, description STRING");
        SCHEMAS.put("services", "record_id STRING, agreement_id STRING, service_date DATE, beneficiary_ref STRING, service_type STRING, units DOUBLE, region_code STRING, age_band STRING, sex STRING, priority_group BOOLEAN");
        SCHEMAS.put("results", "agreement_id STRING, indicator_id STRING, period STRING, baseline DOUBLE, target DOUBLE, actual DOUBLE");
        SCHEMAS.put("outcome_measurements", "agreement_id STRING, beneficiary_ref STRING, indicator_id STRING, measured_on DATE, phase STRING, `group` STRING, value DOUBLE");
        SCHEMAS.put("files", "file_id STRING, partner_id STRING, dataset STRING, file_name STRING, submitted_at TIMESTAMP, rows_read BIGINT, rows_accepted BIGINT, rows_quarantined BIGINT");
        SCHEMAS.put("findings", "file_id STRING, severity STRING");
    }

    private GoldenFixture() {}

    static MetricInputs inputs() {
        return inputs(AS_OF);
    }

    static MetricInputs inputs(LocalDate asOf) {
        Function<String, Dataset<Row>> read = GoldenFixture::table;
        return MetricInputs.of(asOf, "USD", read)
                .withQuality(new QualityInputs(table("files"), table("findings")));
    }

    static Dataset<Row> table(String name) {
        SparkSession s = SharedSpark.get();
        return s.read().option("header", "true").schema(SCHEMAS.get(name)).csv(dir().resolve(name + ".csv").toString());
    }

    static Path dir() {
        try {
            return Path.of(GoldenFixture.class.getResource("/golden/partners.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows keyed by the concatenation of the key columns (with "|"). */
    static Map<String, Row> byKey(Dataset<Row> table, String... keys) {
        Map<String, Row> out = new LinkedHashMap<>();
        for (Row r : table.collectAsList()) {
            StringBuilder k = new StringBuilder();
            for (String key : keys) {
                if (k.length() > 0) k.append('|');
                k.append((Object) r.getAs(key));
            }
            Row previous = out.put(k.toString(), r);
            assertNull(previous, "duplicate key " + k);
        }
        return out;
    }

    /** Equal to 1e-9 relative (absolute near zero); null expected means the cell must be empty. */
    static void near(Double expected, Row row, String column) {
        Object actual = row.getAs(column);
        if (expected == null) {
            assertNull(actual, column + " should be empty in " + row);
            return;
        }
        assertNotNull(actual, column + " should not be empty in " + row);
        double a = ((Number) actual).doubleValue();
        double tolerance = 1e-9 * Math.max(1.0, Math.abs(expected));
        assertTrue(Math.abs(a - expected) <= tolerance, column + ": expected " + expected + " but was " + a);
    }

    static void same(Object expected, Row row, String column) {
        Object actual = row.getAs(column);
        if (actual instanceof java.sql.Date d) actual = d.toLocalDate().toString();
        assertEquals(expected, actual, column + " in " + row);
    }

    static List<String> columns(Dataset<Row> table) {
        return List.of(table.columns());
    }
}
