package org.glasshouse.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.glasshouse.cli.SqlCommand;
import org.glasshouse.metrics.GoldenCuratedRun;
import org.glasshouse.metrics.Thresholds;
import org.glasshouse.serve.client.QueryBackend;
import org.glasshouse.serve.client.ServeState;
import org.glasshouse.serve.client.SqlClient;
import org.glasshouse.serve.client.SqlShell;
import org.glasshouse.testing.SharedSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sql and run metrics clients: found through OUT/private/serve.json, they print what the local session prints
 * (the same text whichever backend answered), stream CSV, run the interactive shell, and run metrics inside serve.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlClientTest {

    static final String QUERY = "SELECT transaction_id, date, amount, received_at, units, share "
            + "FROM curated_transactions ORDER BY transaction_id";
    static final String TABLE = """
            +--------------+----------+-------------------+--------------------------+----------------+-----+
            |transaction_id|date      |amount             |received_at               |units           |share|
            +--------------+----------+-------------------+--------------------------+----------------+-----+
            |T1            |2026-03-15|1250.50            |2026-03-16 09:30:00       |3               |0.25 |
            |T2            |2026-04-01|9999999999999999.99|2026-04-02 00:00:00.123456|9007199254740993|0.1  |
            |T3            |2026-04-30|NULL               |NULL                      |NULL            |NULL |
            +--------------+----------+-------------------+--------------------------+----------------+-----+
            """;

    @TempDir
    static Path out;
    @TempDir
    static Path golden;
    private AnalystServer server;

    @BeforeAll
    void start() throws Exception {
        ServeFixture.write(out);
        GoldenCuratedRun.write(golden, 1);
        ServedViews views = new ServedViews(SharedSpark.get(), out, true);
        views.refresh();
        RunMetricsAction runMetrics = new RunMetricsAction(SharedSpark.get(), golden, "USD", Thresholds.DEFAULTS);
        server = AnalystServer.start(views, runMetrics, ServeJdbcTest.settings("127.0.0.1"), null);
        long pid = ProcessHandle.current().pid();
        for (Path o : List.of(out, golden)) new ServeState(pid, "127.0.0.1", server.port(), "", "", "", 1).write(o);
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void oneQueryThroughServePrintsWhatTheLocalSessionPrints() throws Exception {
        Printed served = client("sql", QUERY, "--out", out.toString());
        assertEquals(0, served.code, served.err);
        assertEquals(TABLE, served.out);

        Printed local = new Printed();
        try (QueryBackend q = LocalQueries.open(SharedSpark.get(), out)) {
            local.code = SqlCommand.query(q, QUERY, null, 100, local.outStream(), local.errStream());
        }
        assertEquals(TABLE, local.text());

        Printed limited = client("sql", QUERY, "--out", out.toString(), "--limit", "1");
        assertEquals("""
                +--------------+----------+-------+-------------------+-----+-----+
                |transaction_id|date      |amount |received_at        |units|share|
                +--------------+----------+-------+-------------------+-----+-----+
                |T1            |2026-03-15|1250.50|2026-03-16 09:30:00|3    |0.25 |
                +--------------+----------+-------+-------------------+-----+-----+
                only showing top 1 row
                """, limited.out);
    }

    @Test
    void theLauncherEndpointAnswersWhatTheClientPrints() throws Exception {
        try (LauncherEndpoint launcher = LauncherEndpoint.start(out)) {
            var http = java.net.http.HttpClient.newHttpClient();
            java.util.function.BiFunction<String, String, java.net.http.HttpResponse<String>> post = (token, body) -> {
                try {
                    return http.send(java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create("http://127.0.0.1:" + launcher.port() + "/cli"))
                            .header("X-Glasshouse-Token", token)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            var answer = post.apply(launcher.token(), QUERY + "\0");
            assertEquals("0", answer.headers().firstValue("X-Glasshouse-Exit").orElseThrow());
            assertEquals(TABLE, answer.body());
            var limited = post.apply(launcher.token(), QUERY + "\0--limit\0" + "1\0");
            assertTrue(limited.body().endsWith("only showing top 1 row\n"), limited.body());

            var refused = post.apply(launcher.token(), "SELECT * FROM nowhere\0");
            assertEquals("1", refused.headers().firstValue("X-Glasshouse-Exit").orElseThrow());
            assertTrue(refused.body().startsWith("glasshouse sql: [TABLE_OR_VIEW_NOT_FOUND]"), refused.body());
            // A file to write, the shell, an unknown option: the client JVM's business (75).
            for (String body : List.of(QUERY + "\0--csv\0/tmp/x.csv\0", "", "--local\0" + QUERY + "\0")) {
                assertEquals("75", post.apply(launcher.token(), body).headers().firstValue("X-Glasshouse-Exit")
                        .orElseThrow(), body);
            }
            // No token, or the wrong one: refused before anything runs.
            assertEquals(403, post.apply("0".repeat(64), QUERY + "\0").statusCode());
            assertEquals(403, post.apply("", QUERY + "\0").statusCode());
        }
    }

    @Test
    void theLauncherFileNamesTheEndpointAndIsTheOwnersOnly() throws Exception {
        Path folder = Files.createTempDirectory("launcher-");
        try (LauncherEndpoint launcher = LauncherEndpoint.start(folder)) {
            launcher.advertise(folder, 4242);
            Path file = LauncherEndpoint.file(folder);
            assertEquals("4242 " + launcher.port() + " " + launcher.token() + "\n", Files.readString(file));
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(file)));
            LauncherEndpoint.remove(folder, 4243);
            assertTrue(Files.exists(file), "another process's file stays");
            LauncherEndpoint.remove(folder, 4242);
            assertTrue(Files.notExists(file));
        }
    }

    @Test
    void csvViewsErrorsAndTheFallbackSignal() throws Exception {
        Path csv = out.resolve("rows.csv");
        Printed written = client("sql", "SELECT partner_id, name FROM curated_partners ORDER BY 1", "--out",
                out.toString(), "--csv", csv.toString());
        assertEquals("2 row(s) written to " + csv + "\n", written.out);
        assertEquals(List.of("partner_id,name", "PA,\"Ünïcode Partner, \"\"quoted\"\"\"", "PB,Second"),
                Files.readAllLines(csv));

        assertEquals("curated_partners\ncurated_transactions\nlatest_agreement_metrics\nmetrics_agreement_metrics\n",
                client("sql", "views", "--out", out.toString()).out);

        Printed refused = client("sql", "SELECT * FROM parquet.`" + out + "/private/runs/1/quarantine/transactions`",
                "--out", out.toString());
        assertEquals(1, refused.code);
        assertTrue(refused.err.startsWith("glasshouse sql: [TABLE_OR_VIEW_NOT_FOUND]"), refused.err);
        assertTrue(refused.err.contains("Views: curated_partners, curated_transactions"), refused.err);

        // No serve on that folder, or --local: the launcher is told to start the full application.
        Path empty = Files.createTempDirectory("serve-none-");
        assertEquals(SqlClient.NO_SERVER, client("sql", "SELECT 1", "--out", empty.toString()).code);
        assertEquals(SqlClient.NO_SERVER, client("sql", "SELECT 1", "--out", out.toString(), "--local").code);
        new ServeState(Long.MAX_VALUE - 1, "127.0.0.1", server.port(), "", "", "", 1).write(empty);  // dead pid
        assertEquals(SqlClient.NO_SERVER, client("sql", "SELECT 1", "--out", empty.toString()).code);
    }

    @Test
    void interactiveShellWithMultiLineStatementsAndCommands() throws Exception {
        String typed = "SELECT partner_id,\n  name FROM curated_partners\n  ORDER BY 1;\n\\views\n"
                + "\\describe curated_transactions\nSELECT nope FROM curated_partners;\n\\q\n";
        java.io.StringWriter screen = new java.io.StringWriter();
        try (QueryBackend q = org.glasshouse.serve.client.FlightQueries.connect(ServeState.find(out).orElseThrow())) {
            assertEquals(0, new SqlShell(q, 100).run(new java.io.BufferedReader(new java.io.StringReader(typed)),
                    new java.io.PrintWriter(screen)));
        }
        String text = screen.toString();
        assertTrue(text.contains("|PA        |Ünïcode Partner, \"quoted\"|\n|PB        |Second                   |\n"),
                text);
        assertTrue(text.contains("(2 rows, "), text);
        assertTrue(text.contains("curated_partners\ncurated_transactions\nlatest_agreement_metrics\n"), text);
        assertTrue(text.contains("transaction_id  string\nagreement_id    string\ndate            date\n"
                + "amount          decimal(18,2)\nreceived_at     timestamp\nunits           bigint\n"
                + "share           double\n"), text);
        assertTrue(text.contains("error: [UNRESOLVED_COLUMN.WITH_SUGGESTION]"), text);
    }

    @Test
    void runMetricsRunsInsideServe() throws Exception {
        Printed p = client("run", "metrics", "--programme", "P1", "--as-of", "2026-06-30", "--out", golden.toString());
        assertEquals(0, p.code, p.err);
        assertTrue(p.out.startsWith(org.glasshouse.metrics.MetricCatalog.all().size() + " metric table(s) for as_of 2026-06-30, programme P1 from run 1 written to "
                + golden.resolve("private/scratch")), p.out);
        // A1: committed 1000, disbursed 1200, spent 500, 2 beneficiaries (GoldenMetricsTest derives them by hand).
        String a1 = p.out.lines().filter(l -> l.startsWith("|A1 ")).findFirst().orElseThrow();
        List<String> cells = Arrays.stream(a1.split("\\|")).map(String::strip).filter(c -> !c.isEmpty()).toList();
        assertEquals(List.of("A1", "P1", "PA"), cells.subList(0, 3));
        assertEquals(0, new BigDecimal("1000").compareTo(new BigDecimal(cells.get(3))));
        assertEquals(0, new BigDecimal("1200").compareTo(new BigDecimal(cells.get(4))));
        assertEquals(0, new BigDecimal("500").compareTo(new BigDecimal(cells.get(5))));
        assertEquals("2", cells.get(6));
        assertEquals(0, new BigDecimal("250").compareTo(new BigDecimal(cells.get(7))));
        assertTrue(p.out.lines().anyMatch(l -> l.startsWith("|A2 ")) && p.out.lines().noneMatch(l -> l.startsWith("|A3 ")));

        Printed none = client("run", "metrics", "--programme", "P9", "--out", golden.toString());
        assertEquals(1, none.code);
        assertEquals("No agreement matches programme P9 in run 1.\n", none.err);
    }

    private static Printed client(String... args) throws Exception {
        Printed p = new Printed();
        p.code = SqlClient.run(args, p.outStream(), p.errStream());
        p.out = p.outBytes.toString(StandardCharsets.UTF_8);
        p.err = p.errBytes.toString(StandardCharsets.UTF_8);
        return p;
    }

    private static final class Printed {
        final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int code;
        String out;
        String err;

        PrintStream outStream() {
            return new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        }

        PrintStream errStream() {
            return new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        }

        String text() {
            return outBytes.toString(StandardCharsets.UTF_8);
        }
    }
}
