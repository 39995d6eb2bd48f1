package org.glasshouse.validate.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads text lines of bounded length: a line longer than the limit is returned cut to its start and marked too
 * long, and the reader skips to the next line end without holding the rest, so one unbounded line (a file with no
 * line breaks, say) costs at most the limit in memory. Line ends are \n, \r\n or a lone \r, as for
 * {@link java.io.BufferedReader#readLine()}; a byte-order mark at the very start is dropped.
 */
final class LineReader implements Closeable {

    /** Characters of a too-long line kept for quarantine and feedback. */
    static final int KEPT_OF_LONG_LINE = 1000;

    /**
     * One physical line.
     *
     * @param number 1-based line number in the file
     * @param text   the line without its terminator; for a too-long line its first {@link #KEPT_OF_LONG_LINE} chars
     * @param length the line's full length in characters
     */
    record Line(long number, String text, boolean tooLong, long length) {}

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int end;
    private boolean eof;
    private boolean skipLf;
    private long number;

    LineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        StringBuilder text = new StringBuilder();
        long length = 0;
        boolean any = false;
        while (true) {
            if (pos >= end) {
                if (!fill()) {
                    if (!any) return null;
                    break;
                }
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buf[pos] != '\n' && buf[pos] != '\r') pos++;
            int n = pos - start;
            long keep = Math.max(0, Math.min(n, (long) maxChars + 1 - text.length()));
            if (keep > 0) text.append(buf, start, (int) keep);
            length += n;
            if (pos < end) {
                skipLf = buf[pos] == '\r';
                pos++;
                break;
            }
        }
        number++;
        if (number == 1 && text.length() > 0 && text.charAt(0) == '\uFEFF') {
            text.deleteCharAt(0);
            length--;
        }
        boolean tooLong = length > maxChars;
        String s = tooLong ? text.substring(0, Math.min(Math.min(maxChars, KEPT_OF_LONG_LINE), text.length()))
                : text.toString();
        return new Line(number, s, tooLong, length);
    }

    private boolean fill() throws IOException {
        if (eof) return false;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
