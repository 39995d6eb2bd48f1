package org.glasshouse.serve.client;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.glasshouse.cli.CliOptions;
import org.glasshouse.cli.SqlCommand;
import org.glasshouse.cli.UsageException;

/**
 * The fast path of {@code glasshouse sql} and {@code glasshouse run metrics}: a plain main with no Spring and no
 * Spark that hands the work to a running serve (found through OUT/private/serve.json). When serve is not running,
 * or the command line asks for something only a local session does, it exits with {@link #NO_SERVER} and the
 * launcher runs the full application instead (which reports usage errors too).
 */
public final class SqlClient {

    /** Exit code meaning "not handled here: run the full application". */
    public static final int NO_SERVER = 75;

    private SqlClient() {}

    public static void main(String[] args) throws Exception {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0) return NO_SERVER;
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "sql" -> sql(CliOptions.parse(rest, SqlCommand.OPTIONS, SqlCommand.FLAGS), out, err);
                case "run" -> runMetrics(CliOptions.parse(rest, Set.of("out", "programme", "partner", "as-of",
                        "profile"), Set.of("local")), out, err);
                default -> NO_SERVER;
            };
        } catch (UsageException e) {
            return NO_SERVER;  // the full application prints the message with the usage text
        }
    }

    /** sql through serve, or NO_SERVER. Used by the full application too, before it starts a local session. */
    public static int sql(CliOptions o, PrintStream out, PrintStream err) throws Exception {
        SqlCommand.validate(o);
        Optional<FlightQueries> served = connect(o, "sql", err);
        if (served == null) return 1;
        if (served.isEmpty()) return NO_SERVER;
        try (FlightQueries q = served.get()) {
            return SqlCommand.run(q, o, out, err);
        }
    }

    /** run metrics through serve, or NO_SERVER. */
    public static int runMetrics(CliOptions o, PrintStream out, PrintStream err) throws Exception {
        if (o.positional().size() != 1 || !o.positional().get(0).equals("metrics")) return NO_SERVER;
        Optional<FlightQueries> served = connect(o, "run metrics", err);
        if (served == null) return 1;
        if (served.isEmpty()) return NO_SERVER;
        Properties request = new Properties();
        for (String key : List.of("programme", "partner", "as-of")) {
            if (o.has(key)) request.setProperty(key, o.get(key, ""));
        }
        try (FlightQueries q = served.get()) {
            String[] answer = q.runMetrics(request);
            if (answer.length > 1) out.print(answer[1]);
            if (answer.length > 2) err.print(answer[2]);
            return answer.length > 0 ? Integer.parseInt(answer[0].strip()) : 1;
        } catch (QueryFailed e) {
            err.println("glasshouse run metrics: " + e.getMessage());
            return 1;
        }
    }

    /**
     * A connection to the serve running on --out; empty when there is none or the command line asks for a local
     * session; null (the reason printed) when serve runs but cannot be used (no password, no answer).
     */
    private static Optional<FlightQueries> connect(CliOptions o, String verb, PrintStream err) {
        try {
            return connect(o);
        } catch (QueryFailed e) {
            err.println("glasshouse " + verb + ": " + e.getMessage());
            return null;
        }
    }

    private static Optional<FlightQueries> connect(CliOptions o) {
        // --local, --profile and --glasshouse.x=y settings only mean something to a session in this process.
        if (o.has("local") || o.has("profile") || !o.springArgs().isEmpty()) return Optional.empty();
        Optional<ServeState> state = ServeState.find(Path.of(o.get("out", "out")));
        if (state.isEmpty()) return Optional.empty();
        try {
            return Optional.of(FlightQueries.connect(state.get()));
        } catch (FlightQueries.Unavailable e) {
            return Optional.empty();
        }
    }
}
