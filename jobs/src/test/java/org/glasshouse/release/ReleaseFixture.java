package org.glasshouse.release;

import static org.glasshouse.reports.model.ColumnType.COUNT;
import static org.glasshouse.reports.model.ColumnType.DATE;
import static org.glasshouse.reports.model.ColumnType.ID;
import static org.glasshouse.reports.model.ColumnType.MONEY;
import static org.glasshouse.reports.model.ColumnType.NUMBER;
import static org.glasshouse.reports.model.ColumnType.RATE;
import static org.glasshouse.reports.model.ColumnType.TEXT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.glasshouse.config.GlasshouseProperties;
import org.glasshouse.publish.ReleasePublisher;
import org.glasshouse.release.standards.StandardsSettings;
import org.glasshouse.report.Methodology;
import org.glasshouse.report.PageSettings;
import org.glasshouse.report.PublicTable;
import org.glasshouse.report.PublicTables;
import org.glasshouse.report.ReferenceTables;
import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.testing.SharedSpark;

/**
 * A release built from hostile inputs, the way the report step builds one: metric rows carrying private columns
 * (beneficiary hash, free-text description, contact email) that the allow-lists must drop, partners named
 * {@code <script>alert(1)</script>} and {@code =HYPERLINK("http://x")}, one agreement of 7 people that could be
 * recovered from its programme total, and every table the metrics branch adds (column lists of issue 4).
 */
final class ReleaseFixture {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String FORMULA = "=HYPERLINK(\"http://x\")";
    /** What the curated data holds and must never be published. */
    static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String DESCRIPTION = "Paid Jane Roe for taxi to clinic";
    static final String EMAIL = "jane.roe@example.org";
    static final List<String> PRIVATE_COLUMNS = List.of("beneficiary_ref", "description", "contact_email");

    static final PublicTable PARTNER_METRICS = new PublicTable("partner_metrics", "Money and delivery per partner",
            List.of(c("as_of", DATE), c("partner_id", ID), c("partner_type", ID), c("committed", MONEY),
                    c("disbursed", MONEY), c("spent", MONEY), c("beneficiaries", COUNT),
                    c("cost_per_beneficiary", MONEY)),
            List.of("beneficiaries"), List.of("cost_per_beneficiary"), List.of("partner_id"));
    static final PublicTable REACH = new PublicTable("reach_breakdown", "People served by group", List.of(
            c("as_of", DATE), c("programme_id", ID), c("dimension", ID), c("value", ID), c("beneficiaries", COUNT),
            c("share", RATE)), List.of("beneficiaries"), List.of("share"), List.of("programme_id", "dimension", "value"));
    static final PublicTable INDICATORS = new PublicTable("indicator_results", "Indicator results", List.of(
            c("as_of", DATE), c("agreement_id", ID), c("indicator_id", ID), c("period", ID), c("baseline", NUMBER),
            c("target", NUMBER), c("actual", NUMBER), c("attainment", RATE), c("status", ID),
            c("projected_at_end", NUMBER)), List.of(), List.of(), List.of("agreement_id", "indicator_id", "period"));
    static final PublicTable FLAGS = PublicTables.INTEGRITY_FLAGS;
    static final PublicTable QUALITY = new PublicTable("data_quality", "Data quality", List.of(
            c("as_of", DATE), c("partner_id", ID), c("dataset", ID), c("rows_read", COUNT),
            c("rows_accepted", COUNT), c("rows_quarantined", COUNT), c("acceptance_rate", RATE),
            c("errors_per_1000", NUMBER), c("days_late", NUMBER), c("missing_months", NUMBER)),
            List.of(), List.of(), List.of("partner_id", "dataset"));
    static final PublicTable BENFORD = new PublicTable("benford_digits", "First digits of expenditures", List.of(
            c("partner_id", ID), c("digit", ID), c("observed_share", RATE), c("expected_share", RATE)),
            List.of(), List.of(), List.of("partner_id", "digit"));

    private static final LocalDate AS_OF = LocalDate.of(2026, 9, 30);
    /** The report-an-error route of the fixture's pages (the one e-mail address pages may show). */
    static final String REPORT_ERROR = "corrections@agency.example";
    static final PageSettings PAGES = new PageSettings("mailto:" + REPORT_ERROR, 25, 100);
    static final StandardsSettings STANDARDS = new StandardsSettings("XI-EXAMPLE-AGENCY", "10",
            "XI-EXAMPLE-AGENCY-PARTNER-", "360G-example-agency-");

    private ReleaseFixture() {}

    private static Column c(String name, org.glasshouse.reports.model.ColumnType type) {
        return new Column(name, type, "Test column " + name + ".");
    }

    /** Rows go through Spark with the private columns added, then through the allow-list, as in the report step. */
    private static DataTable load(PublicTable spec, List<Object[]> rows) {
        List<StructField> fields = new ArrayList<>();
        for (Column col : spec.columns()) fields.add(DataTypes.createStructField(col.name(), switch (col.type()) {
            case COUNT, INTEGER -> DataTypes.LongType;
            case MONEY, RATE, NUMBER, P_VALUE -> DataTypes.DoubleType;
            case DATE -> DataTypes.DateType;
            default -> DataTypes.StringType;
        }, true));
        for (String p : PRIVATE_COLUMNS) fields.add(DataTypes.createStructField(p, DataTypes.StringType, true));
        List<Row> spark = new ArrayList<>();
        for (Object[] r : rows) {
            Object[] all = Arrays.copyOf(r, r.length + PRIVATE_COLUMNS.size());
            all[r.length] = HASH;
            all[r.length + 1] = DESCRIPTION;
            all[r.length + 2] = EMAIL;
            for (int i = 0; i < r.length; i++) if (all[i] instanceof LocalDate d) all[i] = java.sql.Date.valueOf(d);
            spark.add(RowFactory.create(all));
        }
        List<Row> collected = SharedSpark.get().createDataFrame(spark, new StructType(fields.toArray(StructField[]::new)))
                .collectAsList();
        return spec.fromRows(collected);
    }

    private static Object[] r(Object... cells) {
        return cells;
    }

    static Map<String, PublicTable> specs() {
        Map<String, PublicTable> s = new LinkedHashMap<>();
        for (PublicTable t : List.of(PublicTables.AGREEMENT_METRICS, PublicTables.PROGRAMME_METRICS,
                PublicTables.IMPACT_ESTIMATES, PARTNER_METRICS, REACH, INDICATORS, FLAGS, QUALITY, BENFORD,
                ReferenceTables.PARTNERS, ReferenceTables.PROGRAMMES, ReferenceTables.AGREEMENTS,
                ReferenceTables.INDICATORS)) {
            s.put(t.name(), t);
        }
        return s;
    }

    static Map<String, DataTable> tables(long smallAgreementPeople) {
        Map<String, DataTable> t = new LinkedHashMap<>();
        t.put("agreement_metrics", load(PublicTables.AGREEMENT_METRICS, List.<Object[]>of(
                r(AS_OF, "AGR-1", "PRG-A", "P1", 1000.0, 800.0, 600.0, 0.8, 0.75, 0.5, 1.2, 120L, 300.0, 5.0, 2.0, 0.3, null),
                r(AS_OF, "AGR-2", "PRG-A", "P2", 500.0, 400.0, 300.0, 0.8, 0.75, 0.5, 1.2, 80L, 200.0, 3.75, 1.5, 0.25, null),
                r(AS_OF, "AGR-3", "PRG-A", "P3", 100.0, 90.0, 60.0, 0.9, 0.6667, 0.5, 1.2, smallAgreementPeople, 20.0,
                        60.0 / smallAgreementPeople, 3.0, 0.0, null))));
        t.put("programme_metrics", load(PublicTables.PROGRAMME_METRICS, List.<Object[]>of(
                r(AS_OF, "PRG-A", 1600.0, 1290.0, 960.0, 0.8063, 0.7442, 200L + smallAgreementPeople, 520.0,
                        960.0 / (200 + smallAgreementPeople), 0.29, 0L, null))));
        t.put("impact_estimates", load(PublicTables.IMPACT_ESTIMATES, List.<Object[]>of(
                r(AS_OF, "PRG-A", "IND-1", "pre_post", 4.5, 3.9, 5.1, 150L, 0L, 0.001, 0.7, 12.5, null))));
        t.put("partner_metrics", load(PARTNER_METRICS, List.<Object[]>of(
                r(AS_OF, "P1", "nonprofit", 1000.0, 800.0, 600.0, 120L, 5.0),
                r(AS_OF, "P2", "business", 500.0, 400.0, 300.0, 80L, 3.75),
                r(AS_OF, "P3", "community", 100.0, 90.0, 60.0, smallAgreementPeople, 60.0 / smallAgreementPeople))));
        t.put("reach_breakdown", load(REACH, List.<Object[]>of(
                r(AS_OF, "PRG-A", "sex", "female", 150L, 0.73), r(AS_OF, "PRG-A", "sex", "male", 43L + smallAgreementPeople, 0.24),
                r(AS_OF, "PRG-A", "sex", "other", 7L, 0.03))));
        t.put("indicator_results", load(INDICATORS, List.<Object[]>of(
                r(AS_OF, "AGR-1", "IND-1", "2026-07", 10.0, 20.0, 14.0, 0.4, "at_risk", 18.0),
                r(AS_OF, "AGR-1", "IND-1", "2026-08", 10.0, 20.0, 16.0, 0.6, "on_track", 19.0),
                r(AS_OF, "AGR-2", "IND-1", "2026-08", 10.0, 20.0, 21.0, 1.1, "on_track", 22.0))));
        t.put("integrity_flags", load(FLAGS, List.<Object[]>of(
                r(AS_OF, "INT-ACCEPT:P2/services", "partner_dataset", "P2/services", "acceptance rate 0.5 < 0.95",
                        "0.95", "INT-ACCEPT", null, null),
                r(AS_OF, "INT-DUPLICATE:AGR-1:2026-03-01:100.00", "agreement", "AGR-1",
                        "2 expenditures of 100.00 USD on 2026-03-01: T1, T2", "any repeat", "INT-DUPLICATE", null, 100.0),
                r(AS_OF, "INT-DUPLICATE:AGR-1:2026-04-01:250.00", "agreement", "AGR-1",
                        "2 expenditures of 250.00 USD on 2026-04-01: T3, T4", "any repeat", "INT-DUPLICATE", null, 250.0),
                r(AS_OF, "INT-LATE:P3:2026-07", "partner", "P3", "services for 2026-07 arrived 3 days late", "0 days",
                        "INT-LATE", null, null),
                r(AS_OF, "INT-OVERSPEND:AGR-2", "agreement", "AGR-2", "spent 300 > disbursed 250 by 20%", "10%",
                        "INT-OVERSPEND", null, 50.0))));
        t.put("data_quality", load(QUALITY, List.<Object[]>of(
                r(AS_OF, "P1", "services", 1000L, 990L, 10L, 0.99, 10.0, 0.0, 0.0))));
        List<Object[]> digits = new ArrayList<>();
        for (int d = 1; d <= 9; d++) digits.add(r("P1", String.valueOf(d), d == 1 ? 0.2 : 0.1, Math.log10(1 + 1.0 / d)));
        t.put("benford_digits", load(BENFORD, digits));
        t.put("partners", load(ReferenceTables.PARTNERS, List.<Object[]>of(
                r("P1", "Northfield Trust", "nonprofit", "R01"), r("P2", SCRIPT, "business", "R02"),
                r("P3", FORMULA, "community", "R03"))));
        t.put("programmes", load(ReferenceTables.PROGRAMMES, List.<Object[]>of(
                r("PRG-A", "Skills & <b>Jobs</b>", "Dept", "employment", LocalDate.of(2025, 1, 1),
                        LocalDate.of(2027, 12, 31), 2000.0, "USD"))));
        t.put("agreements", load(ReferenceTables.AGREEMENTS, List.<Object[]>of(
                r("AGR-1", "PRG-A", "P1", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31), 1000.0, "USD", "grant"),
                r("AGR-2", "PRG-A", "P2", LocalDate.of(2025, 4, 1), LocalDate.of(2027, 3, 31), 500.0, "USD",
                        "outcomes_based"),
                r("AGR-3", "PRG-A", "P3", LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30), 80.0, "GBP", "contract"))));
        t.put("indicators", load(ReferenceTables.INDICATORS, List.<Object[]>of(
                r("IND-1", "PRG-A", "People in work after six months", "count", "increase"))));
        return t;
    }

    /** Builds and publishes a release into out/releases, entry point out/site; returns the release folder. */
    static Path publish(Path out, String runId, long smallAgreementPeople) throws Exception {
        GlasshouseProperties props = new GlasshouseProperties();
        Path staging = out.resolve("private/runs/" + runId + "/site-staging");
        Files.createDirectories(staging.getParent());
        Path inputs = out.resolve("private/runs/" + runId + "/inputs.json");
        // P3's August services file is resubmitted between the two releases (its people count changes with it).
        Files.writeString(inputs, "[{\"partner_id\":\"P1\",\"dataset\":\"services\",\"original_name\":\"services.csv\","
                + "\"format\":\"csv\",\"sha256\":\"" + "ab".repeat(32) + "\",\"size\":12,\"path\":\"/private/x\"},"
                + "{\"partner_id\":\"P3\",\"dataset\":\"services\",\"original_name\":\"services-2026-08.csv\","
                + "\"format\":\"csv\",\"sha256\":\"" + Long.toHexString(smallAgreementPeople).repeat(64).substring(0, 64)
                + "\",\"size\":30}]");
        Path site = out.resolve("site");
        Path previous = Files.isSymbolicLink(site) ? site.toRealPath() : null;
        String releaseId = "2026-09-30-run" + runId;
        ReleaseBuilder.build(new ReleaseBuilder.Request("Test report", AS_OF, runId, releaseId, "USD", specs(),
                tables(smallAgreementPeople), null, Methodology.entries(org.glasshouse.metrics.Thresholds.DEFAULTS),
                previous, inputs, props, PAGES, STANDARDS), staging, new ParquetTableWriter(SharedSpark.get()));
        return new ReleasePublisher(out.resolve("releases"), site).publish(staging, releaseId);
    }
}
