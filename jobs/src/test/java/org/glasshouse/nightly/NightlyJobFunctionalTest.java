package org.glasshouse.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.glasshouse.GlasshouseApplication;
import org.glasshouse.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The whole nightly job on the bundled sample data (sample-data/README.md documents every planted problem and the
 * expected figures, derived independently of the pipeline). Runs 1 and 2 go through uninterrupted; run 3 fails in
 * the metrics step once and is restarted.
 */
@SpringBootTest(classes = GlasshouseApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NightlyJobFunctionalTest {

    static final Path OUT = tempDir();
    static final Path SAMPLE = Path.of("..", "sample-data").toAbsolutePath().normalize();
    static final LocalDate AS_OF = LocalDate.parse("2026-09-30");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("glasshouse.out", OUT::toString);
        r.add("glasshouse.pseudonymisation.secret", () -> "functional-test-secret");
    }

    @Autowired JobLauncher launcher;
    @Autowired Job nightlyJob;
    @MockitoSpyBean MetricsTasklet metricsTasklet;

    JobExecution first;
    JobExecution second;
    Path siteAfterSecond;

    @BeforeAll
    void runTwice() throws Exception {
        SharedSpark.get();
        first = launcher.run(nightlyJob, new NightlyParameters(SAMPLE, OUT, AS_OF, 1).toJobParameters());
        Path firstRelease = OUT.resolve("releases").resolve("2026-09-30-run1");
        assertThat(firstRelease.resolve("index.html")).exists();
        second = launcher.run(nightlyJob, new NightlyParameters(SAMPLE, OUT, AS_OF, 2).toJobParameters());
        siteAfterSecond = Files.readSymbolicLink(OUT.resolve("site"));
    }

    @Test
    void firstRunCountsEveryRowOnce() {
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        StepExecution ingest = step(first, "ingest");
        assertThat(ingest.getReadCount()).isEqualTo(160);   // 6 reference files + 154 partner files
        assertThat(ingest.getWriteCount()).isEqualTo(160);
        StepExecution validate = step(first, "validate");
        // 23,490 rows = 54 reference + 2,000 transactions + 20,000 services + 442 results + 994 measurements.
        assertThat(validate.getReadCount()).isEqualTo(23_490);
        // 28 planted-invalid services rows + 5 planted-invalid transactions.
        assertThat(validate.getSkipCount()).isEqualTo(33);
        assertThat(validate.getWriteCount()).isEqualTo(23_457);
    }

    @Test
    void publishesTheDocumentedFigures() throws IOException {
        Map<String, Map<String, String>> agreements = csvById(site().resolve("data/agreement_metrics.csv"), "agreement_id");
        Map<String, String> agr001 = agreements.get("AGR-001");
        assertThat(agr001).containsEntry("committed", "1200000.00").containsEntry("disbursed", "900000.00")
                .containsEntry("spent", "774084.08").containsEntry("beneficiaries", "508")
                .containsEntry("units", "4685");
        // 774084.08 / 508 = 1523.7875... → 1523.79; 900000 / 1200000 = 0.75.
        assertThat(agr001).containsEntry("cost_per_beneficiary", "1523.79").containsEntry("disbursement_rate", "0.7500");
        assertThat(agreements.get("AGR-006")).containsEntry("disbursed", "520000.00").containsEntry("spent", "686399.99");
        // AGR-012 served 7 people: below k = 10, so the count and what derives from it are suppressed.
        assertThat(agreements.get("AGR-012")).containsEntry("beneficiaries", "[c]")
                .containsEntry("cost_per_beneficiary", "[c]").containsEntry("spent", "38250.01");

        Map<String, Map<String, String>> programmes = csvById(site().resolve("data/programme_metrics.csv"), "programme_id");
        assertThat(programmes.get("PRG-CHA")).containsEntry("beneficiaries", "1669").containsEntry("overlap", "32");
        // Secondary suppression for AGR-012: P03's total (AGR-003 395 + 7) and PRG-DIG's overlap (Σ agreements −
        // programme ≥ overlap pinned the 7 from below) are hidden; nothing else (docs/publishing.md, "Measured").
        assertThat(programmes.get("PRG-DIG")).containsEntry("beneficiaries", "1242").containsEntry("overlap", "[c]");
        assertThat(agreements.get("AGR-003")).containsEntry("beneficiaries", "395");
        assertThat(csvById(site().resolve("data/partner_metrics.csv"), "partner_id").get("P03"))
                .containsEntry("beneficiaries", "[c]").containsEntry("cost_per_beneficiary", "[c]");
        assertThat(site().resolve("disclosure_audit.json")).content().contains("\"passed\" : true")
                .contains("\"secondary\" : 2");
        assertThat(programmes.get("PRG-YEP")).containsEntry("beneficiaries", "1513").containsEntry("overlap", "27")
                // 1200000 + 950000 + 780000 + 640000
                .containsEntry("committed", "3570000.00");
        assertThat(site().resolve("index.html")).exists();
        assertThat(site().resolve("charts/funding-by-programme.png")).exists();
        assertThat(site().resolve("charts/funding-by-programme.svg")).exists();
    }

    @Test
    void secondRunOnUnchangedInputsFindsNoNewFilesAndPublishesTheSameFigures() throws IOException {
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(step(second, "ingest").getWriteCount()).isZero();
        assertThat(step(second, "ingest").getExecutionContext().getInt("already_ingested")).isEqualTo(160);
        Path r1 = OUT.resolve("releases/2026-09-30-run1/data");
        Path r2 = OUT.resolve("releases/2026-09-30-run2/data");
        for (String table : List.of("agreement_metrics.csv", "programme_metrics.csv", "impact_estimates.csv")) {
            assertThat(Files.readString(r2.resolve(table))).as(table).isEqualTo(Files.readString(r1.resolve(table)));
        }
        assertThat(siteAfterSecond.toString()).isEqualTo("releases/2026-09-30-run2");
        assertThat(OUT.resolve("private/runs/2/summary.json")).content().contains("\"status\" : \"COMPLETED\"");

        // Nothing new and the same as-of: validation and metrics are taken from run 1 (no row work), with the same
        // counters, and the release is built again from them.
        StepExecution validate = step(second, "validate");
        assertThat(validate.getExecutionContext().getLong(ReusingTasklet.REUSED_FROM)).isEqualTo(1L);
        assertThat(validate.getReadCount()).isEqualTo(23_490);
        assertThat(validate.getWriteCount()).isEqualTo(23_457);
        assertThat(validate.getSkipCount()).isEqualTo(33);
        assertThat(step(second, "metrics").getExecutionContext().getLong(ReusingTasklet.REUSED_FROM)).isEqualTo(1L);
        assertThat(step(second, "metrics").getWriteCount()).isEqualTo(12);
        assertThat(OUT.resolve("private/runs/2/curated/services")).isDirectory();
        assertThat(step(first, "validate").getExecutionContext().containsKey(ReusingTasklet.REUSED_FROM)).isFalse();
    }

    @Test
    void aRerunWithNothingNewReusesEveryStepAndPublishesTheSameTablesApartFromIds() throws IOException {
        // Validate, feedback and metrics take run 1's outputs and run no Spark job.
        for (String name : List.of("validate", "feedback", "metrics")) {
            StepExecution s = step(second, name);
            assertThat(s.getExecutionContext().getLong(ReusingTasklet.REUSED_FROM)).as(name).isEqualTo(1L);
            assertThat(s.getExecutionContext().getInt(SparkJobsPerStep.KEY)).as(name).isZero();
        }
        assertThat(step(first, "feedback").getExecutionContext().getInt(SparkJobsPerStep.KEY)).isPositive();
        // Feedback: the same 9 folders (8 partners and the agency's reference data), the same bytes as run 1's.
        assertThat(step(second, "feedback").getWriteCount()).isEqualTo(9);
        Path fb1 = OUT.resolve("private/feedback/1");
        Path fb2 = OUT.resolve("private/feedback/2");
        assertThat(relativeFiles(fb2)).isEqualTo(relativeFiles(fb1)).contains("P01/feedback.csv", "P01/feedback.html");
        // The CSVs are run 1's bytes; each HTML page is rendered again from the kept report, naming this run.
        for (String f : relativeFiles(fb1)) {
            if (f.endsWith(".csv")) assertThat(fb2.resolve(f)).as(f).hasSameBinaryContentAs(fb1.resolve(f));
        }

        // The report is built again (it names its run and release) from disclosure control's cached outcome, the
        // cached charts and Parquet files; run 1 computed all of them.
        StepExecution report1 = step(first, "report");
        StepExecution report2 = step(second, "report");
        assertThat(report1.getExecutionContext().getInt(ReportTasklet.DISCLOSURE_REUSED)).isZero();
        assertThat(report1.getExecutionContext().getInt(ReportTasklet.CHARTS_REUSED)).isZero();
        int charts = report1.getExecutionContext().getInt(ReportTasklet.CHARTS_DRAWN);
        assertThat(charts).isPositive();
        assertThat(report2.getExecutionContext().getInt(ReportTasklet.DISCLOSURE_REUSED)).isEqualTo(1);
        assertThat(report2.getExecutionContext().getLong(StepCpuTime.KEY)).isPositive(); // every step: its CPU time
        assertThat(report2.getExecutionContext().getInt(ReportTasklet.CHARTS_REUSED)).isEqualTo(charts);
        assertThat(report2.getExecutionContext().getInt(ReportTasklet.CHARTS_DRAWN)).isZero();
        Path rel1 = OUT.resolve("releases/2026-09-30-run1");
        Path rel2 = OUT.resolve("releases/2026-09-30-run2");
        long parquetFiles = relativeFiles(rel1).stream().filter(f -> f.endsWith(".parquet")).count();
        assertThat(report2.getExecutionContext().getInt(ReportTasklet.PARQUET_REUSED)).isEqualTo((int) parquetFiles)
                .isEqualTo(18);

        // Every published table (CSV, JSON, Parquet), chart, standards file but the 360Giving JSON (it carries the
        // release id) and the audit are the same bytes; the rest differ only in the run and release ids, and the
        // changes page says what changed since run 1: nothing.
        assertThat(relativeFiles(rel2)).isEqualTo(relativeFiles(rel1));
        List<String> differing = new java.util.ArrayList<>();
        for (String f : relativeFiles(rel1)) {
            if (!Arrays.equals(Files.readAllBytes(rel1.resolve(f)), Files.readAllBytes(rel2.resolve(f)))) differing.add(f);
        }
        assertThat(differing).noneMatch(f -> f.startsWith("data/") || f.startsWith("charts/"))
                .doesNotContain("disclosure_audit.json", "standards/iati-activities.xml", "standards/360giving-grants.csv")
                .allMatch(f -> f.endsWith(".html") || f.endsWith(".json") || f.equals("report.pdf")
                        || f.equals("SHA256SUMS"));
        for (String f : differing) {
            if (f.equals("report.pdf") || f.equals("SHA256SUMS") || f.equals("changes.html")) continue;
            if (f.equals("datapackage.json")) {
                assertThat(idBearingHashesRemoved(withoutIds(rel2.resolve(f), 2)))
                        .isEqualTo(idBearingHashesRemoved(withoutIds(rel1.resolve(f), 1)));
                continue;
            }
            assertThat(withoutIds(rel2.resolve(f), 2)).as(f).isEqualTo(withoutIds(rel1.resolve(f), 1));
        }
        assertThat(rel2.resolve("changes.html")).content()
                .contains("Compared with release 2026-09-30-run1").contains("no published figure changed");
    }

    /** datapackage.json without the hash of the one listed file that names its release (the 360Giving package). */
    private static com.fasterxml.jackson.databind.JsonNode idBearingHashesRemoved(String json) throws IOException {
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        for (var resource : tree.path("resources")) {
            if (resource.path("path").asText().equals("standards/360giving-grants.json")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) resource).remove("hash");
            }
        }
        return tree;
    }

    /** A release file's text with this run's ids written as RUN. */
    private static String withoutIds(Path file, int run) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8)
                .replace("2026-09-30-run" + run, "RELEASE")
                .replaceAll("run <span>" + run + "</span>", "run RUN")
                .replaceAll("release%20" + run + "%29", "release%20RUN%29")
                .replaceAll("\"run_id\" : \"" + run + "\"", "\"run_id\" : RUN");
    }

    private static List<String> relativeFiles(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted().toList();
        }
    }

    @Test
    void aRunThatFailsInMetricsRestartsThereAndPublishesTheSameFigures() throws Exception {
        // A new as-of date (after the sample's activity ends, so money and people are unchanged): validation is
        // reused, metrics must be computed, and the injected crash hits them.
        LocalDate later = LocalDate.parse("2026-10-31");
        doThrow(new IllegalStateException("simulated crash in metrics")).doCallRealMethod()
                .when(metricsTasklet).execute(any(), any());
        var params = new NightlyParameters(SAMPLE, OUT, later, 3).toJobParameters();
        JobExecution failed = launcher.run(nightlyJob, params);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(step(failed, "metrics").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(step(failed, "validate").getExecutionContext().containsKey(ReusingTasklet.REUSED_FROM)).isTrue();
        Path siteBefore = Files.readSymbolicLink(OUT.resolve("site"));
        assertThat(siteBefore.toString()).doesNotContain("run3");

        JobExecution resumed = launcher.run(nightlyJob, params);
        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getStepExecutions().stream().map(StepExecution::getStepName))
                .containsExactly("metrics", "report", "publish");
        assertThat(step(resumed, "metrics").getExecutionContext().containsKey(ReusingTasklet.REUSED_FROM)).isFalse();
        Path r1 = OUT.resolve("releases/2026-09-30-run1/data");
        Path r3 = OUT.resolve("releases/2026-10-31-run3/data");
        for (String table : List.of("programme_metrics.csv", "impact_estimates.csv")) {
            assertThat(withoutAsOf(r3.resolve(table))).as(table).isEqualTo(withoutAsOf(r1.resolve(table)));
        }
    }

    /** A public CSV without its first column (as_of), whose other figures do not depend on the as-of date. */
    private static List<String> withoutAsOf(Path csv) throws IOException {
        return Files.readAllLines(csv, StandardCharsets.UTF_8).stream().map(l -> l.substring(l.indexOf(',') + 1))
                .toList();
    }

    private Path site() {
        return OUT.resolve("releases/2026-09-30-run1");
    }

    private static StepExecution step(JobExecution e, String name) {
        return e.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
    }

    /** A small public CSV as rows keyed by an id column (no quoted commas in these tables). */
    static Map<String, Map<String, String>> csvById(Path file, String id) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1))
                .collect(Collectors.toMap(cells -> cells[indexOf(header, id)], cells -> {
                    Map<String, String> row = new java.util.LinkedHashMap<>();
                    for (int i = 0; i < header.length; i++) row.put(header[i], i < cells.length ? cells[i] : "");
                    return row;
                }));
    }

    private static int indexOf(String[] header, String name) {
        for (int i = 0; i < header.length; i++) if (header[i].equals(name)) return i;
        throw new IllegalArgumentException("no column " + name);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("glasshouse-nightly-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
