package org.glasshouse.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite (issue 9, item 11). One nightly, run as an operator runs it (the command line, in its own JVM),
 * on a small inbox where five partners send every class of bad file (a NUL or foreign bytes in one row, an oversized
 * value, too many columns, an unbounded line, JSON with 1e999999999, deep nesting, too many keys, a workbook and a
 * Parquet file damaged after the header, a zip bomb, too many shared strings, a header too wide, a control
 * character in a transaction id) among good ones: it completes, publishes, keeps row accounting exact per file and
 * names each file and rule in its partner's feedback. Then the same nightly is killed (halted like kill -9) inside
 * every step in turn, ingest to publish, each time resumed by {@code restart}: the release it publishes is byte for
 * byte the uninterrupted run's, except the files that record when and how the run went.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultSuiteTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String RELEASE = "releases/" + FaultInbox.AS_OF + "-run1";
    static final List<String> STEPS = List.of("ingest", "validate", "feedback", "metrics", "report", "publish");

    @TempDir
    static Path tmp;
    Path input;
    Path baseline;
    Map<String, FaultInbox.Expected> expected;
    ChildGlasshouse.Result baselineRun;

    @BeforeAll
    void runTheNightlyOnTheFaultInbox() throws Exception {
        input = tmp.resolve("input");
        expected = FaultInbox.write(input);
        baseline = tmp.resolve("baseline");
        baselineRun = ChildGlasshouse.run(tmp.resolve("baseline.log"), null, nightly(baseline));
    }

    private List<String> nightly(Path out) {
        List<String> args = new ArrayList<>(List.of("nightly", "--input", input.toString(), "--out", out.toString(),
                "--as-of", FaultInbox.AS_OF));
        args.addAll(FaultInbox.LIMITS);
        return args;
    }

    private static List<String> restart(Path out) {
        List<String> args = new ArrayList<>(List.of("restart", "--out", out.toString()));
        args.addAll(FaultInbox.LIMITS);
        return args;
    }

    @Test
    void theNightlyCompletesAndPublishes() throws IOException {
        assertThat(baselineRun.exitCode()).as(baselineRun.log()).isZero();
        JsonNode summary = JSON.readTree(baseline.resolve("private/runs/1/summary.json").toFile());
        assertThat(summary.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(Files.readSymbolicLink(baseline.resolve("site")).toString()).isEqualTo(RELEASE);
        assertThat(baseline.resolve(RELEASE).resolve("report.pdf")).isNotEmptyFile();
        assertThat(baseline.resolve(RELEASE).resolve("index.html")).isNotEmptyFile();
    }

    @TestFactory
    Stream<DynamicTest> rowAccountingIsExactForEveryFile() throws IOException {
        JsonNode files = JSON.readTree(baseline.resolve("private/runs/1/accounting.json").toFile()).path("files");
        Map<String, JsonNode> bySource = new HashMap<>();
        files.forEach(f -> bySource.put(f.path("file").asText(), f));
        return expected.values().stream().map(e -> DynamicTest.dynamicTest(e.source(), () -> {
            JsonNode a = bySource.get(e.source());
            assertThat(a).as("account of " + e.source() + " in " + files).isNotNull();
            long read = a.path("rows_read").asLong();
            long accepted = a.path("rows_accepted").asLong();
            long quarantined = a.path("rows_quarantined").asLong();
            assertThat(read).as("read = accepted + quarantined").isEqualTo(accepted + quarantined);
            if (e.read() >= 0) {
                assertThat(List.of(read, accepted, quarantined)).as(e.source())
                        .containsExactly(e.read(), e.accepted(), e.quarantined());
            } else {
                // The zip bomb: the rows read before the inflated-size limit, all quarantined.
                assertThat(read).isPositive();
                assertThat(accepted).isZero();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachPartnersFeedbackNamesEveryBadFileAndItsRules() throws IOException {
        Map<String, List<CSVRecord>> byFile = new HashMap<>();
        for (String partner : List.of("P01", "P02", "P03", "P04", "P05", "P06")) {
            Path csv = baseline.resolve("private/feedback/1").resolve(partner).resolve("feedback.csv");
            try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                    byFile.computeIfAbsent(rec.get("file"), k -> new ArrayList<>()).add(rec);
                }
            }
            assertThat(Files.readString(csv.resolveSibling("feedback.html"))).contains("Data feedback for " + partner);
        }
        return expected.values().stream().map(e -> DynamicTest.dynamicTest(e.source(), () -> {
            List<CSVRecord> lines = byFile.getOrDefault(e.source(), List.of());
            Map<String, Integer> perRule = new TreeMap<>();
            lines.forEach(l -> perRule.merge(l.get("rule_id"), 1, Integer::sum));
            assertThat(perRule).as("feedback of " + e.source() + ": " + lines).isEqualTo(new TreeMap<>(e.rules()));
            assertThat(lines).allSatisfy(l -> {
                assertThat(l.get("rule_message")).isNotBlank();
                assertThat(l.get("how_to_fix")).isNotBlank();
            });
        }));
    }

    @Test
    void aFileThatBrokeOffSaysAfterWhichRow() throws IOException {
        String csv = Files.readString(baseline.resolve("private/feedback/1/P04/feedback.csv"));
        assertThat(csv).contains("The file broke off after row 11");
    }

    @Test
    void aControlCharacterInATransactionIdReachesTheFlagsAndThePdfStillRenders() throws IOException {
        Path release = baseline.resolve(RELEASE);
        String flags = Files.readString(release.resolve("data/integrity_flags.csv"));
        assertThat(flags).contains("INT-DUPLICATE:AGR-03").contains(FaultInbox.CONTROL_ID);
        try (PDDocument doc = Loader.loadPDF(release.resolve("report.pdf").toFile())) {
            // The flag's evidence, wrapped in a table cell: the control character shown as U+FFFD.
            assertThat(new PDFTextStripper().getText(doc).replace("\n", "")).contains("T3B-\uFFFD1, T3B-2");
        }
        assertThat(Files.readString(release.resolve("data-quality.html"))).doesNotContain("\u0001");
    }

    /**
     * Files whose bytes differ between any two runs on the same inputs, crashed or not, so they are compared by
     * content: a Parquet footer lists each column's encodings in the iteration order of a hash set, which changes
     * from one JVM to the next (the rows and schema are the same); the PDF trailer carries a random document /ID
     * (the text is the same); SHA256SUMS and datapackage.json hold the checksums of those files; manifest.json records when each
     * input arrived in its output folder. Everything else, data.json included, must be byte for byte the same.
     */
    static boolean comparedByContent(String file) {
        return file.endsWith(".parquet") || file.equals("report.pdf") || file.equals("SHA256SUMS")
                || file.equals("datapackage.json") || file.equals("manifest.json");
    }

    @Test
    void aRunKilledInsideEveryStepRestartsToTheUninterruptedRunsBytes() throws Exception {
        assertThat(baselineRun.exitCode()).as(baselineRun.log()).isZero();
        Path out = tmp.resolve("crashed");
        ChildGlasshouse.Result first = ChildGlasshouse.run(tmp.resolve("crash-ingest.log"), "ingest", nightly(out));
        assertThat(first.exitCode()).as(first.log()).isEqualTo(137);
        assertThat(first.log()).contains("halting at crash point ingest");
        for (int i = 1; i <= STEPS.size(); i++) {
            String crashAt = i < STEPS.size() ? STEPS.get(i) : null;
            ChildGlasshouse.Result r = ChildGlasshouse.run(tmp.resolve("restart-" + i + ".log"), crashAt, restart(out));
            // Each restart resumes the run at the step the previous process died in...
            assertThat(r.log()).as(r.log()).contains("Restarting run 1 at step " + STEPS.get(i - 1));
            if (crashAt != null) {
                // ... and dies inside the next one; nothing is published meanwhile.
                assertThat(r.exitCode()).as(r.log()).isEqualTo(137);
                assertThat(r.log()).contains("halting at crash point " + crashAt);
                assertThat(out.resolve("site")).doesNotExist();
            } else {
                assertThat(r.exitCode()).as(r.log()).isZero();
            }
        }
        assertThat(Files.readSymbolicLink(out.resolve("site")).toString()).isEqualTo(RELEASE);
        assertSameRelease(baseline.resolve(RELEASE), out.resolve(RELEASE));
        JsonNode accounting = JSON.readTree(out.resolve("private/runs/1/accounting.json").toFile());
        assertThat(accounting).isEqualTo(JSON.readTree(baseline.resolve("private/runs/1/accounting.json").toFile()));
    }

    private static void assertSameRelease(Path expected, Path actual) throws IOException {
        List<String> files = relativeFiles(expected);
        assertThat(relativeFiles(actual)).isEqualTo(files);
        List<String> differ = new ArrayList<>();
        for (String f : files) {
            Path e = expected.resolve(f);
            Path a = actual.resolve(f);
            if (comparedByContent(f)) {
                assertThat(content(a, f)).as("content of " + f).isEqualTo(content(e, f));
            } else if (Files.mismatch(e, a) != -1) {
                differ.add(f);
            }
        }
        assertThat(differ).as("release files whose bytes differ from the uninterrupted run's").isEmpty();
    }

    /** What a file says, without the parts that differ from run to run (see {@link #comparedByContent}). */
    private static String content(Path file, String name) throws IOException {
        if (name.endsWith(".parquet")) {
            StringBuilder b = new StringBuilder();
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file.toUri());
            var conf = new org.apache.hadoop.conf.Configuration(false);
            try (var r = org.apache.parquet.hadoop.ParquetFileReader.open(
                    org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(p, conf))) {
                b.append(r.getFooter().getFileMetaData().getSchema()).append('\n');
            }
            try (var r = org.apache.parquet.hadoop.ParquetReader.builder(
                    new org.apache.parquet.hadoop.example.GroupReadSupport(), p).withConf(conf).build()) {
                for (Object g = r.read(); g != null; g = r.read()) b.append(g).append('\n');
            }
            return b.toString();
        }
        if (name.equals("report.pdf")) {
            try (PDDocument doc = Loader.loadPDF(file.toFile())) {
                return new PDFTextStripper().getText(doc);
            }
        }
        if (name.equals("SHA256SUMS")) {
            return Files.readAllLines(file).stream().map(l -> comparedByContent(l.substring(l.indexOf(' ') + 1).strip())
                    ? l.substring(l.indexOf(' ')) : l).reduce("", (x, y) -> x + y + "\n");
        }
        JsonNode pkg = JSON.readTree(file.toFile());
        // A file's submitted_at is when it arrived in this output folder (no receipt log here): the two folders
        // received the same files a minute apart, which is a fact about the inputs, not a difference of the runs.
        pkg.path("inputs").forEach(in -> ((com.fasterxml.jackson.databind.node.ObjectNode) in).remove("submitted_at"));
        pkg.path("resources").forEach(r -> {
            if (comparedByContent(r.path("path").asText())) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) r).remove("hash");
            }
        });
        return pkg.toPrettyString();
    }

    private static List<String> relativeFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
