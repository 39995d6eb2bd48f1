package org.glasshouse.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams RFC 4180 CSV (UTF-8, comma, LF line endings; fields quoted only when they contain a comma, quote, CR or LF,
 * with quotes doubled) or JSON Lines, and counts the physical lines written so callers can report line numbers.
 */
final class CsvWriter implements Closeable {
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(256);
    private long lines;

    CsvWriter(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    }

    /** Writes one CSV record and returns its 1-based line number. */
    long row(String... fields) throws IOException {
        line.setLength(0);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            appendField(line, fields[i]);
        }
        line.append('\n');
        out.append(line);
        return ++lines;
    }

    /** Writes a line verbatim (used for JSON Lines and for deliberately malformed CSV lines). */
    long raw(CharSequence text) throws IOException {
        out.append(text).append('\n');
        return ++lines;
    }

    long lines() {
        return lines;
    }

    static void appendField(StringBuilder sb, String field) {
        if (field == null || field.isEmpty()) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            sb.append(field);
            return;
        }
        sb.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /** Appends a JSON string literal. */
    static void appendJsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00");
                        sb.append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
