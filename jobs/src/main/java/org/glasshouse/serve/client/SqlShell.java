package org.glasshouse.serve.client;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.arrow.vector.types.pojo.Field;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

/**
 * {@code glasshouse sql} with no query: an interactive shell on a warm session. A statement may span lines and ends
 * with ';' (the whole statement is one history entry, kept in ~/.glasshouse_sql_history); backslash commands act at
 * once: \views, \describe VIEW (or \d VIEW), \help, \q.
 */
public final class SqlShell {

    static final String HELP = """
            Statements end with ';' and may span several lines. Commands:
              \\views             the views you can query
              \\describe VIEW     a view's columns and types (also \\d VIEW)
              \\help              this text
              \\q                 leave (also quit, exit or Ctrl-D)
            """;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final QueryBackend backend;
    private final int limit;

    public SqlShell(QueryBackend backend, int limit) {
        this.backend = backend;
        this.limit = limit;
    }

    public int run(Terminal terminal, Path historyFile) {
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("glasshouse sql")
                .parser(new StatementParser())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "     -> ")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        PrintWriter out = terminal.writer();
        out.println("Glasshouse SQL on " + backend.description() + ". Statements end with ';'. \\help for help.");
        out.flush();
        while (true) {
            String input;
            try {
                input = reader.readLine("glasshouse> ");
            } catch (UserInterruptException e) {
                continue;  // Ctrl-C drops the statement being typed
            } catch (EndOfFileException e) {
                break;
            }
            String line = input.strip();
            if (line.isEmpty()) continue;
            if (line.equals("\\q") || line.equalsIgnoreCase("quit") || line.equalsIgnoreCase("exit")) break;
            try {
                if (line.startsWith("\\")) command(line, out);
                else statement(line, out);
            } catch (QueryFailed e) {
                out.println("error: " + e.getMessage());
            }
            out.flush();
        }
        try {
            reader.getHistory().save();
        } catch (java.io.IOException e) {
            // history is a convenience; never fail the session over it
        }
        return 0;
    }

    private void statement(String line, PrintWriter out) {
        String sql = line.replaceAll("[;\\s]+$", "");
        long started = System.nanoTime();
        TableSink table = new TableSink(limit);
        backend.query(sql, limit + 1, table);
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        table.print(new java.io.PrintStream(text, true, java.nio.charset.StandardCharsets.UTF_8));
        out.print(text.toString(java.nio.charset.StandardCharsets.UTF_8));
        out.printf(Locale.ROOT, "(%d row%s, %.3f s)%n", table.rowCount(), table.rowCount() == 1 ? "" : "s",
                (System.nanoTime() - started) / 1e9);
    }

    private void command(String line, PrintWriter out) {
        String[] words = line.replaceAll(";+$", "").split("\\s+");
        switch (words[0]) {
            case "\\views" -> backend.views().forEach(out::println);
            case "\\describe", "\\d" -> {
                if (words.length != 2 || !IDENTIFIER.matcher(words[1]).matches()) {
                    out.println("usage: \\describe VIEW (\\views lists them)");
                    return;
                }
                List<Field> fields = backend.schema("SELECT * FROM " + words[1]).getFields();
                int w = fields.stream().mapToInt(f -> f.getName().length()).max().orElse(0);
                for (Field f : fields) {
                    out.printf(Locale.ROOT, "%-" + w + "s  %s%s%n", f.getName(), CellText.typeName(f),
                            f.isNullable() ? "" : " not null");
                }
            }
            case "\\help", "\\?", "\\h" -> out.print(HELP);
            default -> out.println("unknown command " + words[0] + "; \\help lists them");
        }
    }

    /** Asks for more lines until a statement ends with ';' (commands and quit words are complete as they are). */
    static final class StatementParser implements Parser {
        private final DefaultParser words = new DefaultParser();

        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE && needsMore(line)) {
                throw new EOFError(-1, -1, "a statement ends with ';'");
            }
            return words.parse(line, cursor, context);
        }

        static boolean needsMore(String line) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("\\")) return false;
            String lower = s.toLowerCase(Locale.ROOT);
            if (lower.equals("quit") || lower.equals("exit")) return false;
            return !s.endsWith(";");
        }
    }
}
