package org.glasshouse.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.PrintStream;
import java.nio.file.Path;
import org.glasshouse.serve.client.CsvSink;
import org.glasshouse.serve.client.QueryBackend;
import org.glasshouse.serve.client.QueryFailed;
import org.glasshouse.serve.client.SqlShell;
import org.glasshouse.serve.client.TableSink;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * {@code sql ["SELECT ..."] [--out DIR] [--csv FILE] [--limit N] [--local]}: analysts' SQL over the views of
 * {@link AnalystViews}, on whichever backend runs it (a running serve, else a session in this JVM): the same
 * output either way. One query prints up to N rows as a table or streams every row to a CSV file; no query opens
 * the interactive shell. Knows nothing of Spark, so the fast client path loads none of it.
 */
public final class SqlCommand {

    public static final java.util.Set<String> OPTIONS = java.util.Set.of("out", "csv", "limit", "profile");
    public static final java.util.Set<String> FLAGS = java.util.Set.of("local");

    private SqlCommand() {}

    public static int limit(CliOptions o) {
        try {
            int limit = Integer.parseInt(o.get("limit", "100"));
            if (limit < 0) throw new NumberFormatException();
            return limit;
        } catch (NumberFormatException e) {
            throw new UsageException("--limit must be a whole number");
        }
    }

    /** Checks the command line before any backend is started. */
    public static void validate(CliOptions o) {
        if (o.positional().size() > 1) throw new UsageException("sql takes one query, in quotes");
        if (o.positional().isEmpty() && o.has("csv")) throw new UsageException("--csv needs a query");
        limit(o);
    }

    public static int run(QueryBackend backend, CliOptions o, PrintStream out, PrintStream err) throws IOException {
        validate(o);
        if (o.positional().isEmpty()) {
            SqlShell shell = new SqlShell(backend, limit(o));
            if (System.console() == null) {  // piped input: read statements as they come, print no prompts
                return shell.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                        new PrintWriter(out, true, StandardCharsets.UTF_8));
            }
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                return shell.run(terminal, Path.of(System.getProperty("user.home"), ".glasshouse_sql_history"));
            }
        }
        return query(backend, o.positional().get(0), o.has("csv") ? Path.of(o.get("csv", "")) : null, limit(o),
                out, err);
    }

    public static int query(QueryBackend backend, String sql, Path csv, int limit, PrintStream out, PrintStream err)
            throws IOException {
        try {
            if (sql.isBlank() || sql.strip().equalsIgnoreCase("views")) {
                backend.views().forEach(out::println);
                return 0;
            }
            if (csv == null) {
                TableSink table = new TableSink(limit);
                backend.query(sql, limit + 1, table);
                table.print(out);
                return 0;
            }
            long rows;
            try (CsvSink sink = new CsvSink(csv)) {
                backend.query(sql, -1, sink);
                rows = sink.rows();
            }
            out.println(rows + " row(s) written to " + csv);
            return 0;
        } catch (QueryFailed e) {
            err.println("glasshouse sql: " + e.getMessage());
            try {
                err.println("Views: " + String.join(", ", backend.views()));
            } catch (QueryFailed ignored) {
                // the reason above is what matters
            }
            return 1;
        }
    }
}
