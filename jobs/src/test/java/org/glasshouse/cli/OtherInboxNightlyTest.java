package org.glasshouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.glasshouse.Glasshouse;
import org.glasshouse.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The nightly through the command line, on an inbox laid out unlike the sample data: other partner ids
 * (ACME-1, north_coop), services files with and without a month in the name, a dataset sub-folder, a symbolic link
 * and a hard link to a file outside the inbox, a pipe, a file named after no dataset, and the agency's receipt
 * logs. It completes and publishes, row accounting is exact, the refusals reach each partner's feedback and the
 * run summary, and no byte of the outside file appears anywhere in the output. Then, with a run in progress in
 * another process, status/sql/run metrics/nightly/restart behave; and keys are never mixed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OtherInboxNightlyTest {

    static final String OUTSIDE = "OUTSIDE-THE-INBOX-4b7c";
    static final String KEY = "--glasshouse.pseudonymisation.secret=other-inbox-test-key";
    Path root;
    Path input;
    Path out;
    Run first;

    record Run(int exit, String stdout, String stderr) {}

    @BeforeAll
    void runTheNightly() throws Exception {
        SharedSpark.get();
        root = Files.createTempDirectory("glasshouse-other-inbox");
        input = root.resolve("input");
        out = root.resolve("out");
        writeInputs();
        first = cli("nightly", "--input", input.toString(), "--out", out.toString(), "--as-of", "2026-09-30", KEY);
    }

    private void writeInputs() throws Exception {
        Path ref = Files.createDirectories(input.resolve("reference"));
        Files.writeString(ref.resolve("partners.csv"), """
                partner_id,name,partner_type,region_code,registered_id
                ACME-1,Acme Services,business,R1,
                north_coop,North Coop,community,R2,
                """);
        Files.writeString(ref.resolve("programmes.csv"), """
                programme_id,name,agency,sector,start_date,end_date,budget,currency
                PRG-X,Programme X,The Agency,health,2026-01-01,2026-12-31,1000000.00,USD
                """);
        Files.writeString(ref.resolve("agreements.csv"), """
                agreement_id,programme_id,partner_id,start_date,end_date,committed_amount,currency,payment_model,reporting_due_day
                AG-1,PRG-X,ACME-1,2026-01-01,2026-12-31,100000.00,USD,grant,10
                AG-2,PRG-X,north_coop,2026-01-01,2026-12-31,50000.00,USD,contract,15
                """);
        Files.writeString(ref.resolve("indicators.csv"), """
                indicator_id,programme_id,name,unit,direction
                IND-1,PRG-X,People served,count,increase
                """);
        Files.writeString(ref.resolve("regions.csv"), """
                region_code,name,priority_target_share
                R1,Region One,0.50
                R2,Region Two,0.50
                """);
        Files.writeString(ref.resolve("fx_rates.csv"), "currency,month,rate_to_reporting_currency\nCAD,2026-01,0.7300\n");

        String header = "record_id,agreement_id,service_date,beneficiary_ref,service_type,units,region_code,age_band,"
                + "sex,priority_group\n";
        Path acme = Files.createDirectories(input.resolve("inbox/ACME-1"));
        StringBuilder undated = new StringBuilder(header);
        for (int i = 1; i <= 12; i++) {
            String date = i <= 6 ? "2026-02-%02d".formatted(i) : "2026-03-%02d".formatted(i);
            undated.append("A-%02d,AG-1,%s,b%02d,coaching,1,R1,25-44,female,false\n".formatted(i, date, i));
        }
        Files.writeString(acme.resolve("services.csv"), undated);
        Files.writeString(acme.resolve("services-2026-04.csv"), header
                + "A-13,AG-1,2026-04-02,b01,coaching,1,R1,25-44,female,false\n"
                + "A-14,AG-1,2026-04-03,b13,coaching,1,R1,25-44,male,true\n"
                + "A-15,AG-1,2026-04-04,b14,coaching,0,R1,25-44,male,true\n");
        Files.writeString(acme.resolve("transactions.jsonl"), """
                {"transaction_id":"T-1","agreement_id":"AG-1","date":"2026-01-15","type":"disbursement","amount":50000.00,"currency":"USD","description":"tranche"}
                {"transaction_id":"T-2","agreement_id":"AG-1","date":"2026-02-10","type":"expenditure","amount":1200.50,"currency":"USD","description":"rent"}
                {"transaction_id":"T-3","agreement_id":"AG-1","date":"2026-03-05","type":"expenditure","amount":799.50,"currency":"USD","description":"staff"}
                """);
        Files.writeString(acme.resolve("results.csv"), "agreement_id,indicator_id,period,baseline,target,actual\n"
                + "AG-1,IND-1,2026-06,0,100,40\n");
        Path outside = Files.createDirectories(root.resolve("agency-private"));
        Path secret = Files.writeString(outside.resolve("services-secret.csv"), header
                + "X-1,AG-1,2026-05-01," + OUTSIDE + ",coaching,1,R1,25-44,female,false\n");
        Files.createSymbolicLink(acme.resolve("services-2026-05.csv"), secret);
        Files.createLink(acme.resolve("services-2026-06.csv"), secret);

        Path north = Files.createDirectories(input.resolve("inbox/north_coop/services"));
        StringBuilder june = new StringBuilder(header);
        for (int i = 1; i <= 10; i++) {
            june.append("N-%02d,AG-2,2026-06-%02d,n%02d,meals,2,R2,65+,other,false\n".formatted(i, i, i));
        }
        Files.writeString(north.resolve("june.csv"), june);
        Files.writeString(north.getParent().resolve("notes.txt"), "remember to send July\n");
        Files.writeString(north.getParent().resolve(".services-2026-08.csv.part"), "record_id\nhalf");
        Process mkfifo = new ProcessBuilder("mkfifo", north.getParent().resolve("services-2026-07.csv").toString())
                .inheritIO().start();
        assertThat(mkfifo.waitFor()).as("mkfifo").isZero();

        Path receipts = Files.createDirectories(input.resolve("receipts"));
        Files.writeString(receipts.resolve("ACME-1.csv"), """
                file_name,received_at
                services.csv,2026-04-12T09:00:00Z
                services-2026-04.csv,2026-05-08T10:00:00Z
                transactions.jsonl,2026-04-01T00:00:00Z
                results.csv,2026-07-02T00:00:00Z
                """);
        Files.writeString(receipts.resolve("north_coop.csv"), "file_name,received_at\njune.csv,2026-07-20T00:00:00Z\n");
    }

    @Test
    @Order(1)
    void completesAndPublishesWithExactAccounting() throws IOException {
        assertThat(first.exit()).as(first.stdout() + first.stderr()).isZero();
        Path release = out.resolve("releases/2026-09-30-run1");
        assertThat(Files.readSymbolicLink(out.resolve("site")).toString()).isEqualTo("releases/2026-09-30-run1");
        assertThat(release.resolve("index.html")).exists();

        String accounting = Files.readString(out.resolve("private/runs/1/accounting.json"));
        Map<String, long[]> byFile = accounts(accounting);
        assertThat(byFile).containsEntry("inbox/ACME-1/services.csv", new long[] {12, 12, 0})
                .containsEntry("inbox/ACME-1/services-2026-04.csv", new long[] {3, 2, 1})
                .containsEntry("inbox/ACME-1/transactions.jsonl", new long[] {3, 3, 0})
                .containsEntry("inbox/ACME-1/results.csv", new long[] {1, 1, 0})
                .containsEntry("inbox/north_coop/services/june.csv", new long[] {10, 10, 0});
        assertThat(byFile).hasSize(6 + 5);
        assertThat(byFile.values()).allSatisfy(a -> assertThat(a[0]).isEqualTo(a[1] + a[2]));
        assertThat(first.stdout()).contains(String.format(java.util.Locale.ROOT, "  %-36s %10d %10d %12d", "total",
                38, 37, 1));

        Map<String, String> ag1 = row(release.resolve("data/agreement_metrics.csv"), "agreement_id", "AG-1");
        assertThat(ag1).containsEntry("beneficiaries", "13").containsEntry("units", "14")
                .containsEntry("spent", "2000.00").containsEntry("disbursed", "50000.00");
        assertThat(row(release.resolve("data/agreement_metrics.csv"), "agreement_id", "AG-2"))
                .containsEntry("beneficiaries", "10").containsEntry("units", "20");
        // Timeliness from the agency's receipts: services.csv (no month) reports March, due 04-10, received 04-12;
        // north_coop's services/june.csv reports June, due 07-15, received 07-20.
        assertThat(row(release.resolve("data/data_quality.csv"), "partner_id", "ACME-1", "dataset", "services"))
                .containsEntry("rows_read", "15").containsEntry("rows_accepted", "14").containsEntry("days_late", "2")
                .containsEntry("missing_months", "5");
        assertThat(row(release.resolve("data/data_quality.csv"), "partner_id", "north_coop", "dataset", "services"))
                .containsEntry("rows_read", "10").containsEntry("days_late", "5").containsEntry("missing_months", "7");
        assertThat(Files.readString(release.resolve("data/integrity_flags.csv")))
                .contains("services file services.csv for 2026-03 submitted 2026-04-12, 2 days after its due date 2026-04-10")
                .contains("services file june.csv for 2026-06 submitted 2026-07-20, 5 days after its due date 2026-07-15");
    }

    @Test
    @Order(2)
    void refusalsReachEachPartnersFeedbackAndTheSummary() throws IOException {
        String acme = Files.readString(out.resolve("private/feedback/1/ACME-1/feedback.csv"));
        assertThat(lineWith(acme, "ING-001")).contains("inbox/ACME-1/services-2026-05.csv").contains("error")
                .contains("symbolic link");
        assertThat(lineWith(acme, "ING-002")).contains("inbox/ACME-1/services-2026-06.csv").contains("hard link");
        assertThat(lineWith(acme, "SRV-009")).contains("inbox/ACME-1/services-2026-04.csv").contains(",4,");
        String north = Files.readString(out.resolve("private/feedback/1/north_coop/feedback.csv"));
        assertThat(lineWith(north, "ING-003")).contains("inbox/north_coop/services-2026-07.csv").contains("pipe");
        assertThat(lineWith(north, "ING-006")).contains("inbox/north_coop/notes.txt");
        assertThat(north).doesNotContain(".services-2026-08.csv.part");
        assertThat(Files.readString(out.resolve("private/feedback/1/ACME-1/feedback.html"))).contains("ING-001")
                .contains("ING-002");

        String summary = Files.readString(out.resolve("private/runs/1/summary.json"));
        assertThat(summary).contains("\"status\" : \"COMPLETED\"")
                .contains("partner ACME-1: inbox/ACME-1/services-2026-05.csv: inbox/ACME-1/services-2026-05.csv is a "
                        + "symbolic link; it was not followed. (ING-001, error)")
                .contains("(ING-002, error)").contains("(ING-003, error)").contains("(ING-006, error)");
        assertThat(first.stdout()).contains("problem: partner north_coop: inbox/north_coop/services-2026-07.csv");
        assertThat(Files.readString(out.resolve("private/runs/1/key.json"))).contains("fingerprint")
                .doesNotContain("other-inbox-test-key");
    }

    @Test
    @Order(3)
    void noByteOfTheOutsideFileAppearsInAnyOutput() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(out)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        for (Path f : files) {
            assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                    .doesNotContain(OUTSIDE).doesNotContain("X-1,AG-1");
        }
    }

    @Test
    @Order(4)
    void withARunInProgressStatusSqlAndRunMetricsReadSafelyAndRunsWait() throws Exception {
        Process holder = startHolder();
        try {
            // The stand-in really holds the H2 file: opening it here is the error the verbs must not die of.
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:h2:file:" + out.toAbsolutePath()
                    + "/private/jobrepo/glasshouse", "sa", "").close()).hasMessageContaining("already in use");

            Run status = cli("status", "--out", out.toString());
            assertThat(status.exit()).isEqualTo(3);
            assertThat(status.stdout()).contains("A Glasshouse run is in progress on " + out.toAbsolutePath())
                    .contains("(process " + holder.pid() + ")").containsPattern("\\n1 +\\d+ +2026-09-30 COMPLETED ");
            assertThat(status.stderr()).doesNotContain("Exception").doesNotContain("in use");

            Path csv = root.resolve("count.csv");
            Run sql = cli("sql", "SELECT count(*) AS n FROM curated_services", "--out", out.toString(), "--csv",
                    csv.toString());
            assertThat(sql.exit()).as(sql.stderr()).isZero();
            assertThat(Files.readAllLines(csv)).containsExactly("n", "24");

            Run metrics = cli("run", "metrics", "--out", out.toString(), "--as-of", "2026-09-30", "--partner", "ACME-1");
            assertThat(metrics.exit()).as(metrics.stderr()).isZero();
            assertThat(metrics.stdout()).contains("from run 1 written to");

            Run nightly = cli("nightly", "--input", input.toString(), "--out", out.toString(), KEY);
            assertThat(nightly.exit()).isEqualTo(3);
            assertThat(nightly.stderr()).contains("A Glasshouse run is in progress on " + out + " (process "
                    + holder.pid() + ")");
            assertThat(cli("restart", "--out", out.toString(), KEY).exit()).isEqualTo(3);
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) holder.destroyForcibly();
        }
        Run status = cli("status", "--out", out.toString());
        assertThat(status.exit()).isZero();
        assertThat(status.stdout()).containsPattern("\\n1 +\\d+ +2026-09-30 COMPLETED ");
    }

    @Test
    @Order(5)
    void aRunNeverMixesKeysAndRestartNeedsTheRunsKey() throws Exception {
        Run sampleKey = cli("nightly", "--input", input.toString(), "--out", out.toString(),
                "--glasshouse.pseudonymisation.secret=glasshouse-sample-data-only");
        assertThat(sampleKey.exit()).isEqualTo(2);
        assertThat(sampleKey.stderr()).contains("the public sample key (glasshouse-sample-data-only) may only be used "
                + "for the bundled sample data");

        Run otherKey = cli("nightly", "--input", input.toString(), "--out", out.toString(), "--as-of", "2026-09-30",
                "--glasshouse.pseudonymisation.secret=another-key");
        assertThat(otherKey.exit()).isEqualTo(1);
        assertThat(otherKey.stdout()).contains("FAILED: This run's pseudonymisation key (fingerprint ")
                .contains("Tokens made with two keys cannot be compared, so the run refuses to mix them")
                .doesNotContain("another-key");
        assertThat(Files.readSymbolicLink(out.resolve("site")).toString()).isEqualTo("releases/2026-09-30-run1");

        Run noKey = cli("restart", "--out", out.toString());
        assertThat(noKey.exit()).isEqualTo(2);
        assertThat(noKey.stderr()).contains("glasshouse restart: GLASSHOUSE_HMAC_SECRET is not set; a restart needs "
                + "the key the run started with.");
        Run publicKey = cli("restart", "--out", out.toString(),
                "--glasshouse.pseudonymisation.secret=glasshouse-sample-data-only");
        assertThat(publicKey.exit()).isEqualTo(2);
        assertThat(publicKey.stderr()).contains("the public sample key may only be used for the bundled sample data");
    }

    private Process startHolder() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(java, "-cp", cp, HoldRunLock.class.getName(), out.toString())
                .redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line; (line = r.readLine()) != null; ) {
            seen.add(line);
            if (line.equals("READY")) return p;
        }
        throw new IllegalStateException("the lock holder did not start: " + seen);
    }

    /** Runs a CLI verb in this JVM, capturing what it prints. */
    static Run cli(String... args) {
        PrintStream outBefore = System.out;
        PrintStream errBefore = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(tee(o, outBefore), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(e, errBefore), true, StandardCharsets.UTF_8));
        try {
            int exit = Glasshouse.run(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(outBefore);
            System.setErr(errBefore);
        }
    }

    private static OutputStream tee(OutputStream a, OutputStream b) {
        return new OutputStream() {
            @Override
            public void write(int x) throws IOException {
                a.write(x);
                b.write(x);
            }

            @Override
            public void write(byte[] buf, int off, int len) throws IOException {
                a.write(buf, off, len);
                b.write(buf, off, len);
            }
        };
    }

    /** file → {read, accepted, quarantined} from accounting.json. */
    private static Map<String, long[]> accounts(String json) throws IOException {
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("files");
        Map<String, long[]> out = new java.util.LinkedHashMap<>();
        node.forEach(f -> out.put(f.path("file").asText(), new long[] {f.path("rows_read").asLong(),
                f.path("rows_accepted").asLong(), f.path("rows_quarantined").asLong()}));
        return out;
    }

    private static String lineWith(String csv, String text) {
        return csv.lines().filter(l -> l.contains(text)).findFirst().orElseThrow(() ->
                new AssertionError("no line with " + text + " in\n" + csv));
    }

    /** The row of a small public CSV whose columns equal the given values (no quoted commas in these tables). */
    private static Map<String, String> row(Path file, String... match) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        for (String l : lines.subList(1, lines.size())) {
            String[] cells = l.split(",", -1);
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) row.put(header[i], i < cells.length ? cells[i] : "");
            boolean ok = true;
            for (int i = 0; i < match.length; i += 2) ok &= match[i + 1].equals(row.get(match[i]));
            if (ok) return row;
        }
        throw new AssertionError("no row " + String.join("=", match) + " in " + file + ":\n"
                + lines.stream().collect(Collectors.joining("\n")));
    }
}
