package org.glasshouse.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Locale-independent plain decimal formatting: no grouping separators, no exponent. */
final class Decimals {
    private Decimals() {
    }

    /** 123450 cents -> "1234.50"; -5 -> "-0.05". */
    static String money(long cents) {
        StringBuilder sb = new StringBuilder(16);
        long abs = Math.abs(cents);
        if (cents < 0) {
            sb.append('-');
        }
        sb.append(abs / 100).append('.');
        long frac = abs % 100;
        if (frac < 10) {
            sb.append('0');
        }
        return sb.append(frac).toString();
    }

    /** Tenths without trailing zero: 15 -> "1.5", 20 -> "2". */
    static String tenths(long tenths) {
        long abs = Math.abs(tenths);
        String sign = tenths < 0 ? "-" : "";
        return abs % 10 == 0 ? sign + (abs / 10) : sign + (abs / 10) + "." + (abs % 10);
    }

    /** Fixed number of decimals, half-up. */
    static String fixed(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    static String pad(long value, int width) {
        String s = Long.toString(value);
        if (s.length() >= width) {
            return s;
        }
        StringBuilder sb = new StringBuilder(width);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }
}
