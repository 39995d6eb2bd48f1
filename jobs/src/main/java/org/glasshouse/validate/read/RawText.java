package org.glasshouse.validate.read;

/** Raw text kept for quarantine and feedback, bounded: a row's raw text never exceeds the line limit. */
final class RawText {

    private static final String CUT = "…";

    private RawText() {}

    static String bounded(String raw, int max) {
        if (raw.length() <= max) return raw;
        int end = max;
        // never split a surrogate pair
        if (end > 0 && Character.isHighSurrogate(raw.charAt(end - 1))) end--;
        return raw.substring(0, end) + CUT;
    }
}
