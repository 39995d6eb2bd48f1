package org.glasshouse.validate.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads logical CSV records (a quoted field may span lines) with the line number each starts on and its raw text,
 * so a malformed row can be quarantined exactly as the partner sent it. A record is complete when its quotes
 * balance; an unbalanced quote is cut off after {@link #MAX_LINES_PER_RECORD} lines, so one stray quote cannot
 * swallow the rest of a file.
 */
final class CsvRecordReader {

    static final int MAX_LINES_PER_RECORD = 50;

    record RawRecord(long line, String text, boolean unbalanced) {}

    private final BufferedReader in;
    private final Deque<String> returned = new ArrayDeque<>();
    private long linesRead;
    private boolean first = true;

    CsvRecordReader(BufferedReader in) {
        this.in = in;
    }

    /** The next non-blank record, or null at end of file. */
    RawRecord next() throws IOException {
        String line;
        do {
            line = readLine();
            if (line == null) return null;
        } while (line.isBlank());
        long start = linesRead;
        long count = quotes(line);
        if (count % 2 == 0) return new RawRecord(start, line, false);

        List<String> held = new ArrayList<>();
        while (count % 2 != 0 && held.size() < MAX_LINES_PER_RECORD) {
            String more = readLine();
            if (more == null) break;
            held.add(more);
            count += quotes(more);
        }
        if (count % 2 == 0) {
            StringBuilder text = new StringBuilder(line);
            held.forEach(h -> text.append('\n').append(h));
            return new RawRecord(start, text.toString(), false);
        }
        // Unbalanced: give back the borrowed lines and report only the first line as malformed.
        for (int i = held.size() - 1; i >= 0; i--) returned.push(held.get(i));
        linesRead -= held.size();
        return new RawRecord(start, line, true);
    }

    private String readLine() throws IOException {
        String l = returned.isEmpty() ? in.readLine() : returned.pop();
        if (l == null) return null;
        if (first) {
            first = false;
            if (!l.isEmpty() && l.charAt(0) == '\uFEFF') l = l.substring(1);
        }
        linesRead++;
        return l;
    }

    private static long quotes(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '"') n++;
        return n;
    }
}
