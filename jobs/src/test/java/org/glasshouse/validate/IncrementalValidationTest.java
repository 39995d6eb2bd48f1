package org.glasshouse.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.contract.ContractCatalog;
import org.glasshouse.ingest.LandedFile;
import org.glasshouse.testing.SharedSpark;
import org.glasshouse.validate.read.InputLimits;
import org.glasshouse.validate.read.Pseudonymiser;
import org.glasshouse.validate.rules.SeverityPolicy;
import org.glasshouse.validate.rules.StandardChecks;
import org.glasshouse.validate.units.FileUnits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation kept per file: a night reads only its new and changed files, and gives exactly what validating every
 * file gives. Night 1 lands a services and a transactions file; night 2 adds a services file whose first row repeats
 * a night-1 key and a transactions file whose refund takes the agreement's refunds above its disbursements; night 3
 * changes the regions. Files a night must not read are removed from the landing zone before it runs, so reading
 * one would fail the night.
 */
class IncrementalValidationTest {

    @TempDir
    Path tmp;

    private static final String SERVICES_HEADER =
            "record_id,agreement_id,service_date,beneficiary_ref,service_type,units,region_code,age_band,sex,priority_group\n";
    private static final String TRX_HEADER = "transaction_id,agreement_id,date,type,amount,currency,description\n";

    @Test
    void aNightReadsOnlyItsNewFilesAndGivesWhatAFullValidationGives() throws Exception {
        Path landing = tmp.resolve("landing");
        List<LandedFile> night1 = new ArrayList<>(reference(landing));
        LandedFile servicesA = land(landing, "P01", "services", "services-a.csv", SERVICES_HEADER
                + "S-1,AGR-1,2025-03-10,B-1,counselling,1,R01,18-24,female,false\n"
                + "S-2,AGR-1,2025-03-11,B-2,counselling,2,R01,25-44,male,false\n", "2026-01-01T00:00:00Z");
        LandedFile trxA = land(landing, "P01", "transactions", "transactions-a.csv", TRX_HEADER
                + "T-1,AGR-1,2025-03-10,disbursement,100.00,USD,rent\n"
                + "T-2,AGR-1,2025-03-12,refund,50.00,USD,rent\n", "2026-01-01T00:00:00Z");
        night1.add(servicesA);
        night1.add(trxA);
        FileUnits units = new FileUnits(tmp.resolve("validated"), "code-and-settings-1");
        ValidationReport r1 = validate(night1, landing, tmp.resolve("run1"), units);
        assertThat(account(r1, "services-a.csv")).containsExactly(2L, 2L, 0L);
        assertThat(findings(tmp.resolve("run1"), "transactions")).isEmpty();

        // Night 2: S-2 again (a duplicate of night 1's row: this one is quarantined, night 1's is not) and S-3;
        // a refund of 80 makes AGR-1's refunds 130 against 100 disbursed: both refund rows are flagged (XTR-001).
        List<LandedFile> night2 = new ArrayList<>(night1);
        night2.add(land(landing, "P01", "services", "services-b.csv", SERVICES_HEADER
                + "S-2,AGR-1,2025-04-01,B-9,counselling,1,R01,18-24,female,false\n"
                + "S-3,AGR-1,2025-04-02,B-3,counselling,1,R01,18-24,female,false\n", "2026-02-01T00:00:00Z"));
        night2.add(land(landing, "P01", "transactions", "transactions-b.csv", TRX_HEADER
                + "T-3,AGR-1,2025-04-10,refund,80.00,USD,rent\n", "2026-02-01T00:00:00Z"));
        Path servicesAFile = landing.resolve(servicesA.path());
        byte[] servicesABytes = Files.readAllBytes(servicesAFile);
        Files.delete(servicesAFile); // night 2 must take services-a from its unit, not read it
        ValidationReport r2 = validate(night2, landing, tmp.resolve("run2"), units);
        Files.write(servicesAFile, servicesABytes);

        assertThat(account(r2, "services-a.csv")).containsExactly(2L, 2L, 0L);
        assertThat(account(r2, "services-b.csv")).containsExactly(2L, 1L, 1L);
        assertThat(findings(tmp.resolve("run2"), "services"))
                .containsExactly("services-b|2|SRV-017|record_id 'S-2' appears more than once; only its first row is kept.");
        assertThat(findings(tmp.resolve("run2"), "transactions")).containsExactly(
                "transactions-a|3|XTR-001|Refunds under agreement AGR-1 total 130.00, more than the 100.00 disbursed.",
                "transactions-b|2|XTR-001|Refunds under agreement AGR-1 total 130.00, more than the 100.00 disbursed.");

        // The same night validated from scratch gives the same rows in every output.
        ValidationReport full = validate(night2, landing, tmp.resolve("full"), FileUnits.throwaway(tmp.resolve("t")));
        assertThat(r2.files()).containsExactlyInAnyOrderElementsOf(full.files());
        for (String kind : List.of("curated", "quarantine", "findings")) {
            for (String d : ContractCatalog.DATASETS) {
                assertThat(rows(tmp.resolve("run2").resolve(kind).resolve(d)))
                        .as(kind + "/" + d).isEqualTo(rows(tmp.resolve("full").resolve(kind).resolve(d)));
            }
        }

        // Night 3: a region is added. Services read regions and are validated again (S-4 of a new file names the
        // new region); partners read regions too but accept the same rows, so agreements, and the transactions that
        // read agreements and fx_rates, are taken from their units (transactions files are gone from the landing zone).
        Map<String, String> before = unitKeys();
        List<LandedFile> night3 = new ArrayList<>(night2.stream().filter(f -> !f.dataset().equals("regions")).toList());
        night3.add(land(landing, LandedFile.REFERENCE, "regions", "regions.csv",
                "region_code,name,priority_target_share\nR01,North,0.3\nR02,South,\nR03,East,\n", "2026-03-01T00:00:00Z"));
        night3.add(land(landing, "P01", "services", "services-c.csv", SERVICES_HEADER
                + "S-4,AGR-1,2025-05-01,B-4,counselling,1,R03,18-24,female,false\n", "2026-03-01T00:00:00Z"));
        for (LandedFile f : night3) {
            if (f.dataset().equals("transactions")) Files.delete(landing.resolve(f.path()));
        }
        ValidationReport r3 = validate(night3, landing, tmp.resolve("run3"), units);
        Map<String, String> after = unitKeys();
        assertThat(account(r3, "services-a.csv")).containsExactly(2L, 2L, 0L);
        assertThat(account(r3, "services-b.csv")).containsExactly(2L, 1L, 1L);
        assertThat(account(r3, "services-c.csv")).containsExactly(1L, 1L, 0L);
        assertThat(account(r3, "transactions-a.csv")).containsExactly(2L, 2L, 0L);
        assertThat(findings(tmp.resolve("run3"), "transactions")).hasSize(2);
        for (String reused : List.of("agreements/agreements", "transactions/transactions-a",
                "transactions/transactions-b", "fx_rates/fx_rates")) {
            assertThat(after.get(reused)).as(reused).isEqualTo(before.get(reused)).isNotNull();
        }
        for (String redone : List.of("partners/partners", "services/services-a", "services/services-b")) {
            assertThat(after.get(redone)).as(redone).isNotEqualTo(before.get(redone)).isNotNull();
        }
        // Only the active files have units: the old regions file's is gone.
        assertThat(after.keySet().stream().filter(k -> k.startsWith("regions/")).count()).isEqualTo(1);
    }

    /** "dataset/file name" → the key of its unit in the store. */
    private Map<String, String> unitKeys() throws IOException {
        Map<String, String> keys = new java.util.HashMap<>();
        try (Stream<Path> s = Files.walk(tmp.resolve("validated"), 3)) {
            for (Path p : s.filter(p -> p.getFileName().toString().length() == 64 && Files.isDirectory(p)).toList()) {
                String fileId = p.getParent().getFileName().toString();
                String dataset = p.getParent().getParent().getFileName().toString();
                assertThat(keys.put(dataset + "/" + FILE_NAMES.get(fileId), p.getFileName().toString())).isNull();
            }
        }
        return keys;
    }

    private static ValidationReport validate(List<LandedFile> active, Path landing, Path run, FileUnits units)
            throws IOException {
        SparkSession spark = SharedSpark.get();
        ContractCatalog contracts = ContractCatalog.embedded();
        DatasetValidator validator = new DatasetValidator(spark, StandardChecks.of(contracts, 0),
                new SeverityPolicy(Map.of()), new Pseudonymiser("test-secret"));
        return new ValidationRun(spark, contracts, validator, "USD", 0, 2, InputLimits.defaults()).run(active, landing,
                d -> new DatasetValidator.Outputs(run.resolve("curated").resolve(d), run.resolve("quarantine").resolve(d),
                        run.resolve("findings").resolve(d)), units);
    }

    private static List<LandedFile> reference(Path landing) throws Exception {
        Path src = Path.of(IncrementalValidationTest.class.getResource("/fixtures/reference/agreements.csv").toURI())
                .getParent();
        List<LandedFile> out = new ArrayList<>();
        for (String d : List.of("partners", "programmes", "agreements", "regions", "fx_rates")) {
            out.add(land(landing, LandedFile.REFERENCE, d, d + ".csv", Files.readString(src.resolve(d + ".csv")),
                    "2026-01-01T00:00:00Z"));
        }
        return out;
    }

    private static LandedFile land(Path landing, String partner, String dataset, String name, String text,
                                   String arrivedAt) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Path file = landing.resolve(partner).resolve(sha.substring(0, 12)).resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        String source = partner.equals(LandedFile.REFERENCE) ? "reference/" + name : "inbox/" + partner + "/" + name;
        LandedFile f = new LandedFile(sha, bytes.length, partner, dataset, "csv", name, source,
                landing.relativize(file).toString(), arrivedAt, arrivedAt, "r");
        FILE_NAMES.put(f.fileId(), name.substring(0, name.lastIndexOf('.')));
        return f;
    }

    private static List<Long> account(ValidationReport r, String name) {
        FileAccount a = r.files().stream().filter(x -> x.file().endsWith("/" + name)).findFirst().orElseThrow();
        return List.of(a.read(), a.accepted(), a.quarantined());
    }

    /** Findings as "file stem|line|rule|message", sorted. */
    private static List<String> findings(Path run, String dataset) {
        Path dir = run.resolve("findings").resolve(dataset);
        List<Row> rows = SharedSpark.get().read().parquet(dir.toString()).collectAsList();
        return rows.stream().map(r -> FILE_NAMES.get(r.getString(r.fieldIndex("_file_id"))) + "|"
                        + r.getLong(r.fieldIndex("_line")) + "|" + r.getString(r.fieldIndex("rule_id")) + "|"
                        + r.getString(r.fieldIndex("message")))
                .sorted().toList();
    }

    /** Every row of a folder as text, sorted (order is not part of the contract). */
    private static TreeSet<String> rows(Path dir) {
        return SharedSpark.get().read().parquet(dir.toString()).collectAsList().stream().map(Row::toString)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** File id → file name without extension, filled as files are landed. */
    private static final Map<String, String> FILE_NAMES = new java.util.concurrent.ConcurrentHashMap<>();
}
