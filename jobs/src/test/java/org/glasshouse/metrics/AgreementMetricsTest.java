package org.glasshouse.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two agreements, figures by hand. A1 (USD): committed 1000, 2025-01-01..2025-12-31 (364 days); disbursements 600
 * + 300, refund 100, expenditures 200 + 250 + one dated after as_of (ignored). A2 (CAD at 0.75 in 2025-01):
 * committed 400 CAD = 300 USD, nothing moved yet, no services.
 */
class AgreementMetricsTest {

    static final LocalDate AS_OF = LocalDate.parse("2025-07-02"); // 182 days after start
    static Map<String, Row> rows;

    @BeforeAll
    static void compute() {
        SparkSession spark = SharedSpark.get();
        Fixtures f = new Fixtures(spark);
        Dataset<Row> agreements = f.table("agreement_id STRING, programme_id STRING, partner_id STRING, start_date DATE, "
                + "end_date DATE, committed_amount DOUBLE, currency STRING",
                List.of("A1,PG,P1,2025-01-01,2025-12-31,1000,USD", "A2,PG,P2,2025-01-01,2025-12-31,400,CAD"));
        Dataset<Row> tx = f.table("transaction_id STRING, agreement_id STRING, date DATE, type STRING, amount DOUBLE, currency STRING",
                List.of("T1,A1,2025-01-10,disbursement,600,USD", "T2,A1,2025-04-10,disbursement,300,USD",
                        "T3,A1,2025-05-01,refund,100,USD", "T4,A1,2025-02-01,expenditure,200,USD",
                        "T5,A1,2025-06-30,expenditure,250,USD", "T6,A1,2025-08-01,expenditure,999,USD"));
        Dataset<Row> services = f.table("record_id STRING, agreement_id STRING, service_date DATE, beneficiary_ref STRING, "
                + "units DOUBLE, region_code STRING, age_band STRING, sex STRING, priority_group BOOLEAN",
                List.of("S1,A1,2025-02-01,b1,2,R1,18-24,female,true", "S2,A1,2025-03-01,b1,1,R1,18-24,female,true",
                        "S3,A1,2025-03-02,b2,1.5,R1,25-44,male,false", "S4,A1,2025-03-03,b3,0.5,R2,25-44,male,false"));
        Dataset<Row> fx = f.table("currency STRING, month STRING, rate_to_reporting_currency DOUBLE",
                List.of("CAD,2025-01,0.75"));
        MetricInputs in = MetricInputs.of(AS_OF, "USD", d -> switch (d) {
            case "agreements" -> agreements;
            case "transactions" -> tx;
            case "services" -> services;
            case "fx_rates" -> fx;
            default -> f.empty();
        });
        rows = new java.util.HashMap<>();
        for (Row r : new AgreementMetrics().compute(in).collectAsList()) rows.put(r.getAs("agreement_id"), r);
    }

    @Test
    void moneyRatesAndPace() {
        Row a1 = rows.get("A1");
        assertThat((Double) a1.getAs("committed")).isEqualTo(1000.0);
        assertThat((Double) a1.getAs("disbursed")).isEqualTo(800.0);          // 600 + 300 − 100
        assertThat((Double) a1.getAs("spent")).isEqualTo(450.0);              // 200 + 250; T6 is after as_of
        assertThat((Double) a1.getAs("disbursement_rate")).isEqualTo(0.8);
        assertThat((Double) a1.getAs("absorption_rate")).isEqualTo(0.5625);   // 450 / 800
        assertThat((Double) a1.getAs("elapsed")).isCloseTo(182.0 / 364.0, within(1e-12));
        assertThat((Double) a1.getAs("pace_index")).isCloseTo(0.45 / 0.5, within(1e-12));
        assertThat((Object) a1.getAs("notes")).isNull();
    }

    @Test
    void deliveryCountsPeopleOnce() {
        Row a1 = rows.get("A1");
        assertThat((Long) a1.getAs("beneficiaries")).isEqualTo(3L);           // b1 twice, b2, b3
        assertThat((Double) a1.getAs("units")).isEqualTo(5.0);
        assertThat((Double) a1.getAs("cost_per_beneficiary")).isEqualTo(150.0);
        assertThat((Double) a1.getAs("cost_per_unit")).isEqualTo(90.0);
        assertThat((Double) a1.getAs("priority_share")).isCloseTo(1.0 / 3.0, within(1e-12));
    }

    @Test
    void zeroDenominatorsGiveEmptyValuesWithReasons() {
        Row a2 = rows.get("A2");
        assertThat((Double) a2.getAs("committed")).isEqualTo(300.0);          // 400 CAD × 0.75
        assertThat((Double) a2.getAs("disbursed")).isZero();
        assertThat((Object) a2.getAs("absorption_rate")).isNull();
        assertThat((Object) a2.getAs("cost_per_beneficiary")).isNull();
        assertThat((Long) a2.getAs("beneficiaries")).isZero();
        assertThat((String) a2.getAs("notes")).isEqualTo("absorption_rate: nothing disbursed; "
                + "cost_per_beneficiary: no beneficiaries served; cost_per_unit: no units delivered; "
                + "priority_share: no beneficiaries served");
    }
}
