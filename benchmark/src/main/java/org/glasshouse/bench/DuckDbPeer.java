package org.glasshouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The benchmark's peer: part of the nightly's work done by DuckDB on the same input folder, so bin/bench can print
 * the nightly's time beside a one-machine SQL engine's. It does, for services and transactions: read every partner
 * file (CSV and JSON Lines) as text, type each field, check each row (required fields, types, ranges, code lists,
 * key uniqueness, agreement exists and belongs to the partner, date inside the agreement, region and currency
 * known), replace beneficiary refs by a keyed hash, write accepted rows (typed) and rejected rows (raw text and every
 * rule broken) to Parquet, then the agreement money/reach kernel: per agreement disbursed, spent (in the reporting
 * currency, with the month's FX rate), distinct beneficiaries and units, written to Parquet.
 *
 * <pre>java -cp ... org.glasshouse.bench.DuckDbPeer INPUT_DIR OUT_DIR [REPORTING_CURRENCY]</pre>
 */
public final class DuckDbPeer {

    private DuckDbPeer() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DuckDbPeer INPUT_DIR OUT_DIR [REPORTING_CURRENCY]");
            System.exit(2);
        }
        Path in = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]).toAbsolutePath();
        String currency = args.length > 2 ? args[2] : "USD";
        Files.createDirectories(out);
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET preserve_insertion_order = false");
            reference(s, in.resolve("reference"));
            s.execute("CREATE TABLE services_raw AS " + raw(in, "services", List.of("record_id", "agreement_id",
                    "service_date", "beneficiary_ref", "service_type", "units", "region_code", "age_band", "sex",
                    "priority_group")));
            s.execute("CREATE TABLE transactions_raw AS " + raw(in, "transactions", List.of("transaction_id",
                    "agreement_id", "date", "type", "amount", "currency", "description")));
            s.execute(checkedServices());
            s.execute(checkedTransactions(currency));
            copy(s, "SELECT record_id, agreement_id, try_cast(service_date AS DATE) AS service_date, "
                    + "sha256('benchmark-only' || beneficiary_ref) AS beneficiary_ref, service_type, "
                    + "try_cast(units AS DOUBLE) AS units, region_code, age_band, sex, "
                    + "lower(priority_group) = 'true' AS priority_group, partner_id, file_name "
                    + "FROM services_checked WHERE len(violations) = 0", out.resolve("curated_services.parquet"));
            copy(s, "SELECT * EXCLUDE (beneficiary_ref) FROM services_checked WHERE len(violations) > 0",
                    out.resolve("quarantine_services.parquet"));
            copy(s, "SELECT transaction_id, agreement_id, try_cast(date AS DATE) AS date, type, "
                    + "try_cast(amount AS DOUBLE) AS amount, currency, partner_id, file_name "
                    + "FROM transactions_checked WHERE len(violations) = 0", out.resolve("curated_transactions.parquet"));
            copy(s, "SELECT * FROM transactions_checked WHERE len(violations) > 0",
                    out.resolve("quarantine_transactions.parquet"));
            copy(s, kernel(out, currency), out.resolve("agreement_kernel.parquet"));
            report(s, out);
        }
        System.out.printf(Locale.ROOT, "duckdb peer: %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static void reference(Statement s, Path ref) throws SQLException {
        s.execute("CREATE TABLE agreements AS SELECT agreement_id, partner_id, try_cast(start_date AS DATE) AS "
                + "start_date, try_cast(end_date AS DATE) AS end_date FROM read_csv('" + ref.resolve("agreements.csv")
                + "', header = true, all_varchar = true)");
        s.execute("CREATE TABLE regions AS SELECT region_code FROM read_csv('" + ref.resolve("regions.csv")
                + "', header = true, all_varchar = true)");
        s.execute("CREATE TABLE fx AS SELECT currency, month, try_cast(rate_to_reporting_currency AS DOUBLE) AS "
                + "rate FROM read_csv('" + ref.resolve("fx_rates.csv") + "', header = true, all_varchar = true)");
    }

    /** Every partner file of the dataset (CSV and JSON Lines), all fields as text, with partner and file name. */
    private static String raw(Path in, String dataset, List<String> fields) throws IOException {
        List<String> csv;
        List<String> jsonl;
        try (Stream<Path> files = Files.walk(in.resolve("inbox"))) {
            List<Path> all = files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().startsWith(dataset)
                            || p.getParent().getFileName().toString().equals(dataset)).toList();
            csv = all.stream().filter(p -> p.toString().endsWith(".csv")).map(Path::toString).sorted().toList();
            jsonl = all.stream().filter(p -> p.toString().endsWith(".jsonl")).map(Path::toString).sorted().toList();
        }
        String cols = fields.stream().map(f -> "\"" + f + "\"").collect(Collectors.joining(", "));
        String partner = "regexp_extract(filename, '/inbox/([^/]+)/', 1) AS partner_id, filename AS file_name";
        StringBuilder q = new StringBuilder();
        if (!csv.isEmpty()) {
            q.append("SELECT ").append(cols).append(", ").append(partner).append(" FROM read_csv(")
                    .append(list(csv)).append(", header = true, all_varchar = true, union_by_name = true, "
                            + "null_padding = true, strict_mode = false, "
                            + "filename = true)");
        }
        if (!jsonl.isEmpty()) {
            if (q.length() > 0) q.append(" UNION ALL BY NAME ");
            String types = fields.stream().map(f -> "'" + f + "': 'VARCHAR'").collect(Collectors.joining(", "));
            q.append("SELECT ").append(cols).append(", ").append(partner).append(" FROM read_json(")
                    .append(list(jsonl)).append(", format = 'newline_delimited', columns = {").append(types)
                    .append("}, filename = true)");
        }
        if (q.length() == 0) {
            return "SELECT " + fields.stream().map(f -> "NULL::VARCHAR AS \"" + f + "\"")
                    .collect(Collectors.joining(", ")) + ", NULL::VARCHAR AS partner_id, NULL::VARCHAR AS file_name "
                    + "WHERE false";
        }
        return q.toString();
    }

    private static String list(List<String> files) {
        return files.stream().map(f -> "'" + f.replace("'", "''") + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    private static String missing(String f) {
        return "(" + f + " IS NULL OR trim(" + f + ") = '')";
    }

    private static String checkedServices() {
        return "CREATE TABLE services_checked AS SELECT r.*, list_filter(["
                + "CASE WHEN " + missing("r.record_id") + " THEN 'SRV-001' "
                + "WHEN count(*) OVER (PARTITION BY r.partner_id, r.record_id) > 1 THEN 'SRV-017' END, "
                + "CASE WHEN " + missing("r.agreement_id") + " THEN 'SRV-002' WHEN a.agreement_id IS NULL THEN 'XAG-001' "
                + "WHEN a.partner_id <> r.partner_id THEN 'XAG-002' END, "
                + "CASE WHEN " + missing("r.service_date") + " THEN 'SRV-003' "
                + "WHEN try_cast(r.service_date AS DATE) IS NULL THEN 'SRV-004' "
                + "WHEN try_cast(r.service_date AS DATE) NOT BETWEEN a.start_date AND a.end_date THEN 'XAG-003' END, "
                + "CASE WHEN " + missing("r.beneficiary_ref") + " THEN 'SRV-005' END, "
                + "CASE WHEN " + missing("r.service_type") + " THEN 'SRV-006' END, "
                + "CASE WHEN " + missing("r.units") + " THEN 'SRV-007' WHEN try_cast(r.units AS DOUBLE) IS NULL "
                + "THEN 'SRV-008' WHEN try_cast(r.units AS DOUBLE) <= 0 THEN 'SRV-009' END, "
                + "CASE WHEN " + missing("r.region_code") + " THEN 'SRV-010' WHEN g.region_code IS NULL THEN 'XRG-001' END, "
                + "CASE WHEN " + missing("r.age_band") + " THEN 'SRV-011' "
                + "WHEN r.age_band NOT IN ('0-17', '18-24', '25-44', '45-64', '65+', 'unknown') THEN 'SRV-012' END, "
                + "CASE WHEN " + missing("r.sex") + " THEN 'SRV-013' "
                + "WHEN r.sex NOT IN ('female', 'male', 'other', 'unknown') THEN 'SRV-014' END, "
                + "CASE WHEN " + missing("r.priority_group") + " THEN 'SRV-015' "
                + "WHEN lower(r.priority_group) NOT IN ('true', 'false') THEN 'SRV-016' END"
                + "], x -> x IS NOT NULL) AS violations "
                + "FROM services_raw r LEFT JOIN agreements a ON r.agreement_id = a.agreement_id "
                + "LEFT JOIN regions g ON r.region_code = g.region_code";
    }

    private static String checkedTransactions(String currency) {
        return "CREATE TABLE transactions_checked AS SELECT r.*, list_filter(["
                + "CASE WHEN " + missing("r.transaction_id") + " THEN 'TRX-001' "
                + "WHEN count(*) OVER (PARTITION BY r.partner_id, r.transaction_id) > 1 THEN 'TRX-012' END, "
                + "CASE WHEN " + missing("r.agreement_id") + " THEN 'TRX-002' WHEN a.agreement_id IS NULL THEN 'XAG-001' "
                + "WHEN a.partner_id <> r.partner_id THEN 'XAG-002' END, "
                + "CASE WHEN " + missing("r.date") + " THEN 'TRX-003' WHEN try_cast(r.date AS DATE) IS NULL "
                + "THEN 'TRX-004' WHEN try_cast(r.date AS DATE) < a.start_date THEN 'XAG-003' END, "
                + "CASE WHEN " + missing("r.type") + " THEN 'TRX-005' "
                + "WHEN r.type NOT IN ('disbursement', 'expenditure', 'refund') THEN 'TRX-006' END, "
                + "CASE WHEN " + missing("r.amount") + " THEN 'TRX-007' WHEN try_cast(r.amount AS DOUBLE) IS NULL "
                + "THEN 'TRX-008' WHEN try_cast(r.amount AS DOUBLE) <= 0 THEN 'TRX-009' END, "
                + "CASE WHEN " + missing("r.currency") + " THEN 'TRX-010' "
                + "WHEN NOT regexp_full_match(r.currency, '[A-Z]{3}') THEN 'TRX-011' "
                + "WHEN r.currency <> '" + currency + "' AND r.currency NOT IN (SELECT currency FROM fx) "
                + "THEN 'XCU-001' END"
                + "], x -> x IS NOT NULL) AS violations "
                + "FROM transactions_raw r LEFT JOIN agreements a ON r.agreement_id = a.agreement_id";
    }

    private static String kernel(Path out, String currency) {
        String tx = "read_parquet('" + out.resolve("curated_transactions.parquet") + "')";
        String srv = "read_parquet('" + out.resolve("curated_services.parquet") + "')";
        return "WITH money AS (SELECT t.agreement_id, "
                + "sum(CASE WHEN t.type = 'disbursement' THEN rc WHEN t.type = 'refund' THEN -rc ELSE 0 END)::DOUBLE "
                + "AS disbursed, sum(CASE WHEN t.type = 'expenditure' THEN rc ELSE 0 END)::DOUBLE AS spent "
                + "FROM (SELECT t.*, CASE WHEN t.currency = '" + currency + "' THEN t.amount ELSE t.amount * fx.rate "
                + "END::DECIMAL(38, 6) AS rc FROM " + tx + " t LEFT JOIN fx ON t.currency = fx.currency "
                + "AND strftime(t.date, '%Y-%m') = fx.month) t GROUP BY t.agreement_id), "
                + "reach AS (SELECT agreement_id, count(DISTINCT beneficiary_ref) AS beneficiaries, "
                + "sum(units::DECIMAL(38, 6))::DOUBLE AS units FROM " + srv + " GROUP BY agreement_id) "
                + "SELECT a.agreement_id, coalesce(m.disbursed, 0) AS disbursed, coalesce(m.spent, 0) AS spent, "
                + "coalesce(r.beneficiaries, 0) AS beneficiaries, coalesce(r.units, 0) AS units FROM agreements a "
                + "LEFT JOIN money m USING (agreement_id) LEFT JOIN reach r USING (agreement_id) ORDER BY 1";
    }

    private static void copy(Statement s, String query, Path file) throws SQLException {
        s.execute("COPY (" + query + ") TO '" + file + "' (FORMAT parquet, COMPRESSION snappy)");
    }

    private static void report(Statement s, Path out) throws SQLException {
        for (String t : List.of("services", "transactions")) {
            try (ResultSet r = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE len(violations) = 0) FROM "
                    + t + "_checked")) {
                r.next();
                System.out.printf(Locale.ROOT, "duckdb peer: %s %d rows read, %d accepted, %d quarantined%n", t,
                        r.getLong(1), r.getLong(2), r.getLong(1) - r.getLong(2));
            }
        }
        try (ResultSet r = s.executeQuery("SELECT count(*), sum(spent), sum(beneficiaries) FROM read_parquet('"
                + out.resolve("agreement_kernel.parquet") + "')")) {
            r.next();
            System.out.printf(Locale.ROOT, "duckdb peer: kernel %d agreements, spent %.2f, beneficiaries %d%n",
                    r.getLong(1), r.getDouble(2), r.getLong(3));
        }
    }
}
