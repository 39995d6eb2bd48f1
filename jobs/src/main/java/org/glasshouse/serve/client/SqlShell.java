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
    /** Ctrl-C, told apart from any text by identity. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String CANCELLED = new String("cancelled");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final QueryBackend backend;
    private final int limit;

    public SqlShell(QueryBackend backend, int limit) {
        this.backend = backend;
        this.limit = limit;
    }

    /** Interactive: JLine line editing, the history file, a continuation prompt for multi-line statements. */
    public int run(Terminal terminal, Path historyFile) {
        // The parser asks for more lines until the statement ends with ';', so a multi-line statement is one
        // history entry and comes back whole with the up arrow.
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("glasshouse sql")
                .parser(new StatementParser())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "     -> ")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        Lines lines = new Lines() {
            @Override
            public String read(boolean continuation) {
                try {
                    return reader.readLine(continuation ? "     -> " : "glasshouse> ");
                } catch (UserInterruptException e) {
                    return CANCELLED;
                } catch (EndOfFileException e) {
                    return null;
                }
            }

            @Override
            public void remember(String statement) {
                try {
                    reader.getHistory().save();  // JLine added it; saved now so a killed session keeps it
                } catch (java.io.IOException e) {
                    // history is a convenience; never fail the session over it
                }
            }
        };
        return run(lines, terminal.writer(), true);
    }

    /** Not a terminal (input piped from a file or another program): statements are read as they come, no prompts. */
    public int run(java.io.BufferedReader in, PrintWriter out) {
        Lines lines = new Lines() {
            @Override
            public String read(boolean continuation) {
                try {
                    return in.readLine();
                } catch (java.io.IOException e) {
                    return null;
                }
            }

            @Override
            public void remember(String statement) {
            }
        };
        return run(lines, out, false);
    }

    private int run(Lines lines, PrintWriter out, boolean greet) {
        if (greet) out.println("Glasshouse SQL on " + backend.description() + ". Statements end with ';'. "
                + "\\help for help.");
        out.flush();
        StringBuilder pending = new StringBuilder();
        String input;
        while ((input = lines.read(pending.length() > 0)) != null) {
            if (input == CANCELLED) {  // Ctrl-C drops the statement being typed
                pending.setLength(0);
                continue;
            }
            String line = input.strip();
            if (pending.length() == 0) {
                if (line.isEmpty()) continue;
                if (line.equals("\\q") || line.equalsIgnoreCase("quit") || line.equalsIgnoreCase("exit")) break;
                if (line.startsWith("\\")) {
                    lines.remember(line);
                    act(() -> command(line, out), out);
                    continue;
                }
            }
            if (pending.length() > 0) pending.append('\n');
            pending.append(input);
            if (!line.endsWith(";")) continue;
            String statement = pending.toString().strip();
            pending.setLength(0);
            lines.remember(statement);
            act(() -> statement(statement, out), out);
        }
        out.flush();
        return 0;
    }

    private static void act(Runnable r, PrintWriter out) {
        try {
            r.run();
        } catch (QueryFailed e) {
            out.println("error: " + e.getMessage());
        }
        out.flush();
    }

    /** Where input lines come from; null at the end of input. */
    private interface Lines {
        String read(boolean continuation);

        void remember(String statement);
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

    /** Asks JLine for more lines until a statement ends with ';' (commands and quit words are whole as typed). */
    static final class StatementParser implements Parser {
        private final DefaultParser words = new DefaultParser();

        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE && needsMore(line)) {
                throw new EOFError(-1, -1, "a statement ends with ';'");
            }
            return words.parse(line, cursor, context);
        }

        static boolean needsMore(String buffer) {
            String s = buffer.strip();
            if (s.isEmpty() || s.startsWith("\\")) return false;
            String lower = s.toLowerCase(Locale.ROOT);
            return !lower.equals("quit") && !lower.equals("exit") && !s.endsWith(";");
        }
    }
}
