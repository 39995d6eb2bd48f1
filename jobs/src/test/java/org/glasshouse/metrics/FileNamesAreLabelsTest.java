package org.glasshouse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.glasshouse.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/**
 * Services file names are labels: a month in the name is a hint, a name without one (or with a malformed one) is
 * attributed by its rows, and no name makes timeliness or completeness fail. Figures derived by hand below.
 */
class FileNamesAreLabelsTest {

    static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

    private MetricInputs inputs() {
        Fixtures fx = new Fixtures(SharedSpark.get());
        // One agreement of partner P, active all of 2026, report due on the 10th of the following month.
        Dataset<Row> agreements = fx.table("agreement_id STRING, programme_id STRING, partner_id STRING, "
                        + "start_date DATE, end_date DATE, committed_amount DOUBLE, currency STRING, "
                        + "payment_model STRING, reporting_due_day BIGINT",
                List.of("A1,PR1,P,2026-01-01,2026-12-31,1000,USD,grant,10"));
        Dataset<Row> services = fx.table("record_id STRING, agreement_id STRING, service_date DATE, "
                        + "beneficiary_ref STRING, service_type STRING, units DOUBLE, region_code STRING, age_band STRING, "
                        + "sex STRING, priority_group BOOLEAN, _file_id STRING",
                List.of("S1,A1,2026-02-03,b1,t,1,R1,0-17,female,false,F1",
                        "S2,A1,2026-03-15,b2,t,1,R1,0-17,female,false,F1",
                        "S3,A1,2026-02-20,b3,t,1,R1,0-17,female,false,F2",
                        "S4,A1,2026-05-02,b4,t,1,R1,0-17,female,false,F3"));
        Map<String, Dataset<Row>> tables = new HashMap<>();
        tables.put("agreements", agreements);
        tables.put("services", services);
        MetricInputs base = MetricInputs.of(AS_OF, "USD", d -> tables.getOrDefault(d, fx.empty()));
        Dataset<Row> files = fx.table("file_id STRING, partner_id STRING, dataset STRING, file_name STRING, "
                        + "submitted_at TIMESTAMP, rows_read BIGINT, rows_accepted BIGINT, rows_quarantined BIGINT",
                List.of("F1,P,services,services.csv,2026-04-12 09:00:00,2,2,0",
                        "F2,P,services,Services 2026-02 final.CSV,2026-03-09 09:00:00,1,1,0",
                        "F3,P,services,services-2026-13.csv,2026-06-10 23:00:00,1,1,0",
                        "F4,P,services,services-9999-12.csv,2026-06-01 00:00:00,0,0,0",
                        "F5,P,services,services_202604.jsonl,2026-06-01 00:00:00,0,0,0",
                        "F6,P,services,services-12026-06.csv,2026-06-01 00:00:00,0,0,0"));
        Dataset<Row> findings = fx.table("file_id STRING, severity STRING", List.of());
        return base.withQuality(new QualityInputs(files, findings));
    }

    @Test
    void aMonthInTheNameIsAHintAndOtherFilesAreAttributedByTheirRows() {
        Map<String, Row> byFile = new HashMap<>();
        for (Row r : SubmissionTimeliness.compute(inputs()).collectAsList()) byFile.put(r.getAs("file_id"), r);

        assertThat(byFile).hasSize(6);
        // F1 has no month in its name: its latest row month is 2026-03, due 2026-04-10, received 04-12: 2 days late.
        assertThat(byFile.get("F1").<Object>getAs("month").toString()).isEqualTo("2026-03-01");
        assertThat(byFile.get("F1").<Object>getAs("due_date").toString()).isEqualTo("2026-04-10");
        assertThat(byFile.get("F1").<Integer>getAs("days_late")).isEqualTo(2);
        // F2 is named for 2026-02 (spaces and upper case do not matter): due 03-10, received 03-09.
        assertThat(byFile.get("F2").<Object>getAs("month").toString()).isEqualTo("2026-02-01");
        assertThat(byFile.get("F2").<Integer>getAs("days_late")).isEqualTo(-1);
        // F3's "2026-13" is no month: its rows say 2026-05, due 06-10, received 06-10 23:00 UTC: on time.
        assertThat(byFile.get("F3").<Object>getAs("month").toString()).isEqualTo("2026-05-01");
        assertThat(byFile.get("F3").<Integer>getAs("days_late")).isEqualTo(0);
        // No plausible month in the name and no accepted rows: no due date, no error.
        for (String f : List.of("F4", "F5", "F6")) {
            assertThat(byFile.get(f).<Object>getAs("month")).as(f).isNull();
            assertThat(byFile.get(f).<Object>getAs("days_late")).as(f).isNull();
        }
    }

    @Test
    void completenessCountsNamedMonthsAndRowMonthsWhateverTheNames() {
        List<String> missing = MissingMonths.compute(inputs()).collectAsList().stream()
                .map(r -> r.getAs("partner_id") + " " + r.getAs("month")).sorted().toList();
        // Owed: January to May (June's report is due 07-10, after as-of). Submitted: February (by name and rows),
        // March (rows of services.csv), May (rows of services-2026-13.csv). Missing: January and April.
        assertThat(missing).containsExactly("P 2026-01-01", "P 2026-04-01");
    }

    @Test
    void dataQualityAndFlagsComputeOnSuchNames() {
        MetricInputs in = inputs();
        Row quality = new DataQuality().compute(in).collectAsList().get(0);
        assertThat(quality.<Long>getAs("files")).isEqualTo(6L);
        assertThat(quality.<Integer>getAs("days_late")).isEqualTo(2);
        assertThat(quality.<Long>getAs("missing_months")).isEqualTo(2L);
        assertThat(quality.<Long>getAs("late_files")).isEqualTo(1L);
        assertThat(org.glasshouse.metrics.flags.SubmissionFlags.late(in).count()).isEqualTo(1);
    }
}
