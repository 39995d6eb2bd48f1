package org.glasshouse.validate.read;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads logical CSV records (a quoted field may span lines) with the line number each starts on and its raw text,
 * so a malformed row can be quarantined exactly as the partner sent it. A record is complete when its quotes
 * balance; an unbalanced quote is cut off after {@link #MAX_LINES_PER_RECORD} lines or once the record would be
 * longer than the line limit, so one stray quote cannot swallow the rest of a file. A physical line longer than
 * the limit is a record of its own, marked too long.
 */
final class CsvRecordReader {

    static final int MAX_LINES_PER_RECORD = 50;

    record RawRecord(long line, String text, boolean unbalanced, boolean tooLong, long length) {}

    private final LineReader in;
    private final int maxChars;
    private final Deque<LineReader.Line> returned = new ArrayDeque<>();

    CsvRecordReader(LineReader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next non-blank record, or null at end of file. */
    RawRecord next() throws IOException {
        LineReader.Line first;
        do {
            first = readLine();
            if (first == null) return null;
        } while (!first.tooLong() && first.text().isBlank());
        if (first.tooLong()) return new RawRecord(first.number(), first.text(), false, true, first.length());
        long count = quotes(first.text());
        if (count % 2 == 0) return new RawRecord(first.number(), first.text(), false, false, first.length());

        List<LineReader.Line> held = new ArrayList<>();
        long chars = first.text().length();
        while (count % 2 != 0 && held.size() < MAX_LINES_PER_RECORD && chars <= maxChars) {
            LineReader.Line more = readLine();
            if (more == null) break;
            held.add(more);
            if (more.tooLong()) break;
            chars += 1 + more.text().length();
            count += quotes(more.text());
        }
        boolean complete = count % 2 == 0 && chars <= maxChars
                && (held.isEmpty() || !held.get(held.size() - 1).tooLong());
        if (complete) {
            StringBuilder text = new StringBuilder(first.text());
            held.forEach(h -> text.append('\n').append(h.text()));
            return new RawRecord(first.number(), text.toString(), false, false, text.length());
        }
        // Unbalanced: give back the borrowed lines and report only the first line as malformed.
        for (int i = held.size() - 1; i >= 0; i--) returned.push(held.get(i));
        return new RawRecord(first.number(), first.text(), true, false, first.length());
    }

    private LineReader.Line readLine() throws IOException {
        return returned.isEmpty() ? in.next() : returned.pop();
    }

    private static long quotes(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '"') n++;
        return n;
    }
}
