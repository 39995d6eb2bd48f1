package org.glasshouse.reports.render;

/**
 * Makes rendered markup (HTML pages, the PDF's XHTML, SVG charts) safe for any text partners sent. Escaping
 * handles {@code < & "}; this handles the characters no escape can carry: XML 1.0 does not allow C0 control
 * characters other than tab and line ends, nor U+FFFE/U+FFFF or a lone surrogate, even as character references, so
 * one of them in a transaction id made the print document unparseable and stopped the report. HTML calls them parse
 * errors, and C1 controls too. Each becomes U+FFFD, the replacement character, which every reader shows.
 */
final class MarkupText {

    static final char REPLACEMENT = '\uFFFD';

    private MarkupText() {}

    static String clean(String markup) {
        StringBuilder out = null;
        int n = markup.length();
        for (int i = 0; i < n; i++) {
            char c = markup.charAt(i);
            boolean bad;
            if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= n || !Character.isLowSurrogate(markup.charAt(i + 1));
                if (!bad) {
                    if (out != null) out.append(c).append(markup.charAt(i + 1));
                    i++;
                    continue;
                }
            } else {
                bad = Character.isLowSurrogate(c) || !allowed(c);
            }
            if (bad && out == null) out = new StringBuilder(n).append(markup, 0, i);
            if (out != null) out.append(bad ? REPLACEMENT : c);
        }
        return out == null ? markup : out.toString();
    }

    private static boolean allowed(char c) {
        if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
        if (c >= 0x7F && c <= 0x9F) return false;
        return c != '\uFFFE' && c != '\uFFFF';
    }
}
