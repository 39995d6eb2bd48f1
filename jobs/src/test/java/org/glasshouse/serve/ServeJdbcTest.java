package org.glasshouse.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.glasshouse.cli.UsageException;
import org.glasshouse.testing.SharedSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve as a JDBC tool sees it: Arrow's own Flight SQL JDBC driver against an endpoint on 127.0.0.1 (ephemeral
 * port) over the fixture output. Exact rows and exact types; nothing but curated and metric data; statements that
 * could reach files or change anything are refused; a newly completed run shows after a refresh.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeJdbcTest {

    @TempDir
    static Path out;
    private ServedViews views;
    private AnalystServer server;
    private String url;

    static ServeSettings settings(String bind) {
        return new ServeSettings(bind, 0, Duration.ofSeconds(10), "analyst", "GLASSHOUSE_SERVE_PASSWORD", "", "");
    }

    @BeforeAll
    void start() throws Exception {
        ServeFixture.write(out);
        views = new ServedViews(SharedSpark.get(), out, true);
        assertTrue(views.refresh());
        server = AnalystServer.start(views, null, settings("127.0.0.1"), null);
        url = "jdbc:arrow-flight-sql://127.0.0.1:" + server.port() + "?useEncryption=false";
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void exactRowsAndTypesOfCuratedData() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT transaction_id, date, amount, received_at, units, share "
                     + "FROM curated_transactions ORDER BY transaction_id")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(List.of(Types.VARCHAR, Types.DATE, Types.DECIMAL, Types.TIMESTAMP, Types.BIGINT,
                    Types.DOUBLE), types(md));
            assertEquals(18, md.getPrecision(3));
            assertEquals(2, md.getScale(3));

            assertTrue(rs.next());
            assertEquals("T1", rs.getString(1));
            assertEquals(LocalDate.of(2026, 3, 15), rs.getDate(2).toLocalDate());
            assertEquals(new BigDecimal("1250.50"), rs.getBigDecimal(3));
            assertEquals(java.time.Instant.parse("2026-03-16T09:30:00Z"), rs.getTimestamp(4).toInstant());
            assertEquals(3L, rs.getLong(5));
            assertEquals(0.25, rs.getDouble(6));

            assertTrue(rs.next());
            assertEquals("T2", rs.getString(1));
            assertEquals(new BigDecimal("9999999999999999.99"), rs.getBigDecimal(3));  // beyond a double's digits
            assertEquals(java.time.Instant.parse("2026-04-02T00:00:00.123456Z"), rs.getTimestamp(4).toInstant());
            assertEquals(9_007_199_254_740_993L, rs.getLong(5));                    // 2^53 + 1: beyond a double
            assertEquals(0.1, rs.getDouble(6));

            assertTrue(rs.next());
            assertEquals("T3", rs.getString(1));
            assertNull(rs.getBigDecimal(3));
            assertNull(rs.getTimestamp(4));
            rs.getLong(5);
            assertTrue(rs.wasNull());
            assertFalse(rs.next());
        }
    }

    @Test
    void stringsAggregatesAndMetricHistoryOfCompletedRunsOnly() throws SQLException {
        assertEquals(List.of(List.of("PA", "Ünïcode Partner, \"quoted\""), List.of("PB", "Second")),
                rows("SELECT partner_id, name FROM curated_partners ORDER BY 1"));
        assertEquals(List.of(List.of("A1", "1250.50", "2")),
                rows("SELECT agreement_id, sum(amount), count(*) FROM curated_transactions "
                        + "WHERE agreement_id = 'A1' GROUP BY agreement_id"));
        // Run 2 FAILED: its metric rows and curated rows are never visible.
        assertEquals(List.of(List.of("A1", "2026-03-31", "1", "500.00", "2")),
                rows("SELECT agreement_id, as_of, run_id, spent, beneficiaries FROM metrics_agreement_metrics"));
        assertEquals(List.of(List.of("0")),
                rows("SELECT count(*) FROM curated_transactions WHERE transaction_id = 'FAILED-RUN'"));
    }

    @Test
    void catalogueListsOnlyCuratedAndMetricViews() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
            while (rs.next()) tables.add(rs.getString("TABLE_NAME"));
        }
        assertEquals(List.of("curated_partners", "curated_transactions", "latest_agreement_metrics",
                "metrics_agreement_metrics"), tables.stream().sorted().toList());
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.getMetaData().getColumns(null, null, "curated_transactions", "%")) {
            List<String> columns = new ArrayList<>();
            while (rs.next()) columns.add(rs.getString("COLUMN_NAME"));
            assertEquals(List.of("transaction_id", "agreement_id", "date", "amount", "received_at", "units", "share"),
                    columns);
        }
    }

    @Test
    void refusesEverythingButQueriesOfTheViews() throws Exception {
        Path quarantine = ServeFixture.runDir(out, 1).resolve("quarantine/transactions").toAbsolutePath();
        Path landing = Files.createDirectories(out.resolve("private/landing"));
        Files.writeString(landing.resolve("partner.csv"), "beneficiary_ref\nSECRET\n");
        List<String> refused = List.of(
                "SELECT * FROM parquet.`" + quarantine + "`",
                "SELECT * FROM csv.`" + landing.resolve("partner.csv") + "`",
                "SELECT * FROM text.`" + landing.resolve("partner.csv") + "`",
                "SELECT * FROM read_files('" + landing + "')",
                "SELECT reflect('java.lang.System', 'getenv', 'HOME')",
                "SELECT java_method('java.lang.System', 'getProperty', 'user.home')",
                "SELECT try_reflect('java.lang.System', 'getenv', 'HOME')",
                "ADD JAR /tmp/evil.jar",
                "SET spark.sql.runSQLOnFiles=true",
                "CREATE TEMPORARY VIEW q USING parquet OPTIONS (path '" + quarantine + "')",
                "CREATE TABLE t AS SELECT * FROM curated_partners",
                "INSERT OVERWRITE DIRECTORY '/tmp/x' USING csv SELECT * FROM curated_partners",
                "WITH p AS (SELECT * FROM curated_partners) INSERT INTO curated_partners SELECT * FROM p",
                "DROP VIEW curated_partners",
                "CACHE TABLE curated_partners",
                "SHOW TABLES",
                "SELECT 1; SELECT 2");
        for (String sql : refused) {
            assertThrows(SQLException.class, () -> rows(sql), sql);
        }
        // Still whole afterwards: nothing was dropped, set or added.
        assertEquals(List.of(List.of("2")), rows("SELECT count(*) FROM curated_partners"));
        assertEquals("false", views.current().session().conf().get("spark.sql.runSQLOnFiles"));
    }

    @Test
    void aNewlyCompletedRunShowsAfterARefresh() throws Exception {
        Path later = Files.createTempDirectory("serve-refresh-");
        ServeFixture.write(later);
        ServedViews own = new ServedViews(SharedSpark.get(), later, true);
        own.refresh();
        try (AnalystServer s = AnalystServer.start(own, null, settings("127.0.0.1"), null)) {
            String u = "jdbc:arrow-flight-sql://127.0.0.1:" + s.port() + "?useEncryption=false";
            assertEquals(List.of(List.of("3")), rows(u, "SELECT count(*) FROM curated_transactions"));
            assertFalse(own.refresh());  // nothing new: the views stay as they are
            ServeFixture.completeRun3(later);
            assertTrue(own.refresh());
            assertEquals(List.of(List.of("T4")), rows(u, "SELECT transaction_id FROM curated_transactions"));
            assertEquals(List.of(List.of("2026-03-31", "1", "500.00"), List.of("2026-04-30", "3", "510.00")),
                    rows(u, "SELECT as_of, run_id, spent FROM latest_agreement_metrics ORDER BY as_of"));
        }
    }

    @Test
    void aPasswordIsAskedForWhenSetAndRequiredOffLoopback() throws Exception {
        UsageException e = assertThrows(UsageException.class,
                () -> AnalystServer.start(views, null, settings("0.0.0.0"), null));
        assertTrue(e.getMessage().contains("GLASSHOUSE_SERVE_PASSWORD"), e.getMessage());

        try (AnalystServer s = AnalystServer.start(views, null, settings("127.0.0.1"), "s3cret-for-test")) {
            String u = "jdbc:arrow-flight-sql://127.0.0.1:" + s.port() + "?useEncryption=false";
            assertThrows(SQLException.class, () -> rows(u, "SELECT count(*) FROM curated_partners"));
            assertThrows(SQLException.class, () -> rows(u + "&user=analyst&password=wrong", "SELECT 1"));
            assertEquals(List.of(List.of("2")),
                    rows(u + "&user=analyst&password=s3cret-for-test", "SELECT count(*) FROM curated_partners"));
        }
    }

    @Test
    void tlsWithACertificateFromFiles() throws Exception {
        // A self-signed certificate for localhost, made by openssl (Debian's openssl package; CI has it).
        Path dir = Files.createTempDirectory("serve-tls-");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "openssl must be installed for this test: " + said);
        ServeSettings tls = new ServeSettings("127.0.0.1", 0, Duration.ofSeconds(10), "analyst",
                "GLASSHOUSE_SERVE_PASSWORD", dir.resolve("cert.pem").toString(), dir.resolve("key.pem").toString());
        try (AnalystServer s = AnalystServer.start(views, null, tls, "tls-test-password")) {
            String u = "jdbc:arrow-flight-sql://localhost:" + s.port() + "?useEncryption=true"
                    + "&disableCertificateVerification=true&user=analyst&password=tls-test-password";
            assertEquals(List.of(List.of("2")), rows(u, "SELECT count(*) FROM curated_partners"));
            String plain = "jdbc:arrow-flight-sql://localhost:" + s.port() + "?useEncryption=false"
                    + "&user=analyst&password=tls-test-password";
            assertThrows(SQLException.class, () -> rows(plain, "SELECT 1"));
        }
    }

    private List<List<String>> rows(String sql) throws SQLException {
        return rows(url, sql);
    }

    private static List<List<String>> rows(String url, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, new Properties()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) row.add(rs.getString(i));
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<Integer> types(ResultSetMetaData md) throws SQLException {
        List<Integer> t = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) t.add(md.getColumnType(i));
        return t;
    }
}
