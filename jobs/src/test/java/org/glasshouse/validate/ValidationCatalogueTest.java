package org.glasshouse.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.contract.ContractCatalog;
import org.glasshouse.feedback.FeedbackRows;
import org.glasshouse.feedback.FeedbackWriter;
import org.glasshouse.ingest.DatasetNaming;
import org.glasshouse.ingest.LandedFile;
import org.glasshouse.nightly.FeedbackFiles;
import org.glasshouse.testing.SharedSpark;
import org.glasshouse.validate.read.Pseudonymiser;
import org.glasshouse.validate.rules.SeverityPolicy;
import org.glasshouse.validate.rules.StandardChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input catalogue (fixtures/catalogue.csv, made by src/test/make_fixtures.py): every fixture, plus a
 * generated 10,010-row file and a file above the size limit, validated together in ONE run (so the whole catalogue
 * costs a handful of Spark jobs), then written out as partner feedback. For each fixture: the run completes, rows
 * read = accepted + quarantined with the expected numbers, the feedback lines per rule are exactly the expected
 * counts, and one feedback line names the file, row, field, value, rule and severity.
 */
class ValidationCatalogueTest {

    static final long MAX_FILE_BYTES = 1_000_000;
    static final String BIG = "services-big-10010.csv";
    static final String TOO_LARGE = "services-too-large.csv";

    record Fixture(String file, String dataset, String partner, long read, long accepted, long quarantined,
                   Map<String, Integer> rules, String probeRow, String probeField, String probeValue,
                   String probeSeverity, String probeFlex) {
        String source() {
            return partner.equals(LandedFile.REFERENCE) ? "reference/" + Path.of(file).getFileName()
                    : "inbox/" + partner + "/" + file;
        }
    }

    @TempDir
    static Path tmp;
    static List<Fixture> fixtures;
    static ValidationReport report;
    static Map<String, FileAccount> accounts;
    /** Feedback lines by file (as the feedback names it). */
    static Map<String, List<CSVRecord>> feedback;
    static Path feedbackDir;
    static Path curatedServices;

    @BeforeAll
    static void validateEverything() throws Exception {
        Path src = Path.of(ValidationCatalogueTest.class.getResource("/fixtures/catalogue.csv").toURI()).getParent();
        fixtures = readCatalogue(src.resolve("catalogue.csv"));
        Path landing = tmp.resolve("landing");
        List<LandedFile> active = new ArrayList<>();
        int i = 0;
        for (Fixture f : fixtures) {
            Path target = landing.resolve(Integer.toString(i)).resolve(Path.of(f.file()).getFileName().toString());
            Files.createDirectories(target.getParent());
            if (f.file().endsWith(".xlsx") && Files.exists(src.resolve(f.file() + ".csv"))) {
                FixtureFiles.xlsx(src.resolve(f.file() + ".csv"), target);
            } else if (f.file().endsWith(".parquet") && Files.exists(src.resolve(f.file() + ".csv"))) {
                FixtureFiles.parquet(src.resolve(f.file() + ".csv"), target);
            } else {
                Files.copy(src.resolve(f.file()), target);
            }
            active.add(landed(i++, f.partner(), f.dataset(), f.source(), landing, target));
        }
        Path big = landing.resolve("big").resolve(BIG);
        Files.createDirectories(big.getParent());
        Files.writeString(big, bigFile(), StandardCharsets.UTF_8);
        active.add(landed(i++, "P03", "services", "inbox/P03/" + BIG, landing, big));
        Path large = landing.resolve("large").resolve(TOO_LARGE);
        Files.createDirectories(large.getParent());
        Files.writeString(large, tooLargeFile(), StandardCharsets.UTF_8);
        active.add(landed(i, "P01", "services", "inbox/P01/" + TOO_LARGE, landing, large));

        SparkSession spark = SharedSpark.get();
        ContractCatalog contracts = ContractCatalog.embedded();
        DatasetValidator validator = new DatasetValidator(spark, StandardChecks.of(contracts, 5),
                new SeverityPolicy(Map.of("OUT-007", "warning")), new Pseudonymiser("test-secret"));
        Path run = tmp.resolve("run");
        report = new ValidationRun(spark, contracts, validator, "USD", 5, 2, MAX_FILE_BYTES).run(active, landing,
                d -> new DatasetValidator.Outputs(run.resolve("curated").resolve(d), run.resolve("quarantine").resolve(d),
                        run.resolve("findings").resolve(d)));
        curatedServices = run.resolve("curated").resolve("services");
        accounts = report.files().stream().collect(Collectors.toMap(FileAccount::file, a -> a));

        feedbackDir = tmp.resolve("feedback");
        var rows = FeedbackRows.of(spark, run.resolve("findings"), ContractCatalog.DATASETS, report.fileFindings(),
                FeedbackFiles.of(active));
        new FeedbackWriter(feedbackDir, "t1").write(rows, report.files());
        feedback = new HashMap<>();
        for (String folder : List.of("P01", "P03", FeedbackWriter.REFERENCE_FOLDER)) {
            try (Reader r = Files.newBufferedReader(feedbackDir.resolve(folder).resolve("feedback.csv"))) {
                for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                    feedback.computeIfAbsent(rec.get("file"), k -> new ArrayList<>()).add(rec);
                }
            }
        }
    }

    @Test
    void theCatalogueHasAtLeastFortyBadInputsAndCoversEveryRuleKind() {
        long bad = fixtures.stream().filter(f -> !f.rules().isEmpty() || f.quarantined() > 0).count();
        assertThat(bad).isGreaterThanOrEqualTo(40);
        Set<String> covered = fixtures.stream().flatMap(f -> f.rules().keySet().stream()).collect(Collectors.toSet());
        covered.add("FIL-008"); // the generated file above the size limit, below
        assertThat(covered).contains(
                // file level
                "FIL-001", "FIL-002", "FIL-003", "FIL-004", "FIL-005", "FIL-006", "FIL-007", "FIL-008",
                // malformed rows
                "ROW-001", "ROW-002", "ROW-003", "ROW-004",
                // row level: required, type (date, number, boolean), code list, range, pattern, date order
                "SRV-005", "SRV-002", "SRV-004", "SRV-008", "SRV-016", "TRX-004", "RES-010", "SRV-012", "SRV-014",
                "TRX-006", "OUT-009", "PTN-005", "SRV-009", "TRX-009", "AGR-018", "REG-004", "RES-004", "TRX-011",
                "FXR-004", "AGR-020", "PRG-013",
                // dataset level: duplicate keys within and across files
                "SRV-017", "RES-011",
                // cross-dataset
                "XAG-001", "XAG-002", "XAG-003", "XAG-004", "XIN-001", "XIN-002", "XFX-001", "XRG-001", "XTR-001",
                "AGR-021", "AGR-022", "IND-009", "PTN-008");
    }

    @TestFactory
    Stream<DynamicTest> everyFixture() {
        return fixtures.stream().map(f -> DynamicTest.dynamicTest(f.file(), () -> {
            FileAccount a = accounts.get(f.source());
            assertThat(a).as("account of " + f.file()).isNotNull();
            assertThat(List.of(a.read(), a.accepted(), a.quarantined())).as("read/accepted/quarantined of " + f.file())
                    .containsExactly(f.read(), f.accepted(), f.quarantined());
            assertThat(a.balances()).isTrue();

            List<CSVRecord> lines = feedback.getOrDefault(f.source(), List.of());
            Map<String, Integer> perRule = new TreeMap<>();
            lines.forEach(l -> perRule.merge(l.get("rule_id"), 1, Integer::sum));
            assertThat(perRule).as("feedback lines per rule for " + f.file()).isEqualTo(new TreeMap<>(f.rules()));
            if (f.rules().isEmpty()) return;

            String rule = f.rules().keySet().iterator().next();
            List<CSVRecord> probe = lines.stream().filter(l -> l.get("rule_id").equals(rule)
                    && l.get("row_number").equals(f.probeRow()) && l.get("field_name").equals(f.probeField())
                    && l.get("value_provided").equals(f.probeValue())).toList();
            assertThat(probe).as("feedback line of " + f.file() + " for " + rule + " row " + f.probeRow() + " field "
                    + f.probeField() + " value '" + f.probeValue() + "' in " + lines).hasSize(1);
            CSVRecord line = probe.get(0);
            assertThat(line.get("file")).isEqualTo(f.source());
            assertThat(line.get("rule_message")).isNotBlank();
            assertThat(line.get("how_to_fix")).isNotBlank();
            if (!f.probeSeverity().isEmpty()) assertThat(line.get("severity")).isEqualTo(f.probeSeverity());
            if (!f.probeFlex().isEmpty()) {
                String[] kv = f.probeFlex().split("=", 2);
                assertThat(line.get(kv[0])).isEqualTo(kv[1]);
            }
        }));
    }

    @Test
    void tenThousandGoodRowsAndTenBadOnes() {
        FileAccount a = accounts.get("inbox/P03/" + BIG);
        assertThat(List.of(a.read(), a.accepted(), a.quarantined())).containsExactly(10_010L, 10_000L, 10L);
        List<CSVRecord> lines = feedback.get("inbox/P03/" + BIG);
        assertThat(lines).hasSize(10);
        assertThat(lines.stream().map(l -> l.get("row_number")).toList())
                .containsExactly("9", "1010", "2011", "3012", "4013", "5014", "6015", "7016", "8017", "9018");
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.get("rule_id")).isEqualTo("SRV-012");
            assertThat(l.get("field_name")).isEqualTo("age_band");
            assertThat(l.get("value_provided")).isEqualTo("bad");
            assertThat(l.get("unique_id")).startsWith("S-BIG-");
        });
    }

    @Test
    void aFileAboveTheSizeLimitIsReportedAndNotRead() {
        FileAccount a = accounts.get("inbox/P01/" + TOO_LARGE);
        assertThat(List.of(a.read(), a.accepted(), a.quarantined())).containsExactly(0L, 0L, 0L);
        List<CSVRecord> lines = feedback.get("inbox/P01/" + TOO_LARGE);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("rule_id")).isEqualTo("FIL-008");
        assertThat(lines.get(0).get("rule_message")).contains("more than the maximum of 1000000 bytes");
    }

    @Test
    void theHtmlSummaryPutsErrorsBeforeWarningsAndEscapesPartnerText() throws IOException {
        String html = Files.readString(feedbackDir.resolve("P01").resolve("feedback.html"));
        assertThat(html).contains("Data feedback for P01").contains("SRV-012").contains("how to fix");
        int lastError = html.lastIndexOf("class=\"error\"");
        int firstWarning = html.indexOf("class=\"warning\"");
        assertThat(firstWarning).isGreaterThan(lastError);
        // The tiniest share: 1 row of P01's services rows, formatted as a percentage.
        assertThat(html).containsPattern("[0-9]+\\.[0-9]{2}%");
        assertThat(html).doesNotContain("<script");
    }

    @Test
    void beneficiaryRefsAreHashedBeforeAnythingIsWritten() {
        List<String> refs = SharedSpark.get().read().parquet(curatedServices.toString())
                .select("beneficiary_ref").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertThat(refs).isNotEmpty().allSatisfy(r -> assertThat(r).matches("[0-9a-f]{64}"));
    }

    @Test
    void everyFileIsAccountedFor() {
        assertThat(report.files()).allSatisfy(a -> assertThat(a.balances()).isTrue());
        assertThat(report.files()).hasSize(fixtures.size() + 2);
    }

    private static String bigFile() {
        StringBuilder b = new StringBuilder("record_id,agreement_id,service_date,beneficiary_ref,service_type,units,"
                + "region_code,age_band,sex,priority_group\n");
        for (int k = 0; k < 10_010; k++) {
            boolean bad = k % 1001 == 7;
            b.append(String.format("S-BIG-%05d,AGR-3,2025-06-%02d,BEN-%04d,mentoring,%d,R01,%s,male,true%n",
                    k, 1 + k % 28, k % 977, 1 + k % 3, bad ? "bad" : "25-44"));
        }
        return b.toString();
    }

    private static String tooLargeFile() {
        StringBuilder b = new StringBuilder("record_id,agreement_id,service_date,beneficiary_ref,service_type,units,"
                + "region_code,age_band,sex,priority_group\n");
        for (int k = 0; b.length() <= MAX_FILE_BYTES; k++) {
            b.append(String.format("S-LARGE-%06d,AGR-1,2025-06-01,BEN-1,mentoring,1,R01,25-44,male,true%n", k));
        }
        return b.toString();
    }

    /** A landed file whose id sorts in catalogue order (so "first occurrence" of a duplicate is deterministic). */
    private static LandedFile landed(int index, String partner, String dataset, String source, Path landing, Path file)
            throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest((source + Files.size(file)).getBytes(StandardCharsets.UTF_8));
        String sha = String.format("%04d", index) + HexFormat.of().formatHex(digest).substring(4);
        String name = file.getFileName().toString();
        return new LandedFile(sha, Files.size(file), partner, dataset, DatasetNaming.formatOf(name).orElseThrow(), name,
                source, landing.relativize(file).toString(), "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "t1");
    }

    private static List<Fixture> readCatalogue(Path file) throws IOException {
        List<Fixture> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                Map<String, Integer> rules = new LinkedHashMap<>();
                for (String p : rec.get("rules").split(" ")) {
                    if (p.isBlank()) continue;
                    String[] kv = p.split("=");
                    rules.put(kv[0], Integer.parseInt(kv[1]));
                }
                out.add(new Fixture(rec.get("file"), rec.get("dataset"), rec.get("partner"),
                        Long.parseLong(rec.get("read")), Long.parseLong(rec.get("accepted")),
                        Long.parseLong(rec.get("quarantined")), rules, rec.get("probe_row"), rec.get("probe_field"),
                        rec.get("probe_value"), rec.get("probe_severity"), rec.get("probe_flex")));
            }
        }
        return out;
    }
}
