package org.glasshouse.reports.render;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.Suppressed;

/**
 * Formats one cell value by its {@link ColumnType}: the plain form for CSV and JSON, and the display form for pages,
 * chart tables, key figures, sentences and the PDF. The display form is always made from the plain form (a rate of
 * 0.12345 is 0.1235 in the CSV and 12.4% on the page, as a reader re-computing from the CSV would get), so each figure
 * has one format everywhere. Numbers go through BigDecimal with HALF_UP and are never printed in scientific notation.
 * Doubles are converted with {@link BigDecimal#valueOf(double)} (their shortest decimal form), so 0.125 and 2.675
 * round up as written. NaN and infinities print as empty.
 */
public final class CellFormatter {
    private CellFormatter() {
    }

    /** The plain form used in CSV (no grouping). null → "", Suppressed → "[c]". */
    public static String plain(Object value, ColumnType type) {
        return format(value, type, false);
    }

    /**
     * The display form: thousands separators for quantities and money, rates as percentages with one decimal,
     * p-values as "&lt; 0.001" or three decimals, other measures to three significant digits, dates written out
     * ("30 September 2026").
     */
    public static String display(Object value, ColumnType type) {
        if (value == null || value instanceof Suppressed) {
            return plain(value, type);
        }
        switch (type) {
            case RATE -> {
                BigDecimal d = toDecimal(value);
                if (d == null) break;
                BigDecimal percent = new BigDecimal(plain(value, type)).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
                return group(nonNegativeZero(percent).toPlainString()) + "%";
            }
            case P_VALUE -> {
                BigDecimal d = toDecimal(value);
                if (d == null) break;
                BigDecimal p = new BigDecimal(plain(value, type));
                return p.compareTo(P_FLOOR) < 0 ? "< 0.001" : p.setScale(3, RoundingMode.HALF_UP).toPlainString();
            }
            case DATE -> {
                LocalDate date = toDate(value);
                if (date != null) return WRITTEN_DATE.format(date);
            }
            case NUMBER -> {
                BigDecimal d = toDecimal(value);
                if (d == null) break;
                return group(readable(new BigDecimal(plain(value, type))).toPlainString());
            }
            default -> { }
        }
        return format(value, type, type != ColumnType.INTEGER);
    }

    /** A date as a page writes it, e.g. 30 September 2026. */
    public static String writtenDate(LocalDate date) {
        return WRITTEN_DATE.format(date);
    }

    private static final BigDecimal P_FLOOR = new BigDecimal("0.001");
    private static final DateTimeFormatter WRITTEN_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate d) return d;
        if (value instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static BigDecimal nonNegativeZero(BigDecimal d) {
        return d.signum() == 0 ? d.abs() : d;
    }

    /** True if the value will be printed as a number (so it must not be formula-neutralised). */
    public static boolean printsAsNumber(Object value, ColumnType type) {
        return type.isNumeric() && toDecimal(value) != null;
    }

    private static String format(Object value, ColumnType type, boolean grouped) {
        if (value == null) {
            return "";
        }
        if (value instanceof Suppressed) {
            return Suppressed.MARKER;
        }
        if (type.isNumeric()) {
            BigDecimal d = toDecimal(value);
            if (d == null) {
                return isNonFinite(value) ? "" : String.valueOf(value);
            }
            String s = number(d, type);
            return grouped ? group(s) : s;
        }
        if (value instanceof LocalDate date) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
        }
        if (value instanceof Double dv && isNonFinite(dv)) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof BigDecimal bd) {
            return bd.toPlainString();
        }
        return String.valueOf(value);
    }

    private static String number(BigDecimal d, ColumnType type) {
        BigDecimal r = switch (type) {
            case MONEY -> d.setScale(2, RoundingMode.HALF_UP);
            case RATE -> d.setScale(4, RoundingMode.HALF_UP);
            case NUMBER, P_VALUE -> strip(d.setScale(6, RoundingMode.HALF_UP));
            default -> d.setScale(0, RoundingMode.HALF_UP);
        };
        if (r.signum() == 0) {
            r = r.abs(); // never "-0.00"
        }
        return r.toPlainString();
    }

    /**
     * A measure on a page: three significant digits, whole numbers never cut (0.82713 → 0.827, 3.921569 → 3.92,
     * 270.59 → 271, 0.0102 → 0.0102); the open data keeps every decimal.
     */
    private static BigDecimal readable(BigDecimal d) {
        if (d.signum() == 0) return BigDecimal.ZERO;
        int wholeDigits = d.precision() - d.scale();
        BigDecimal r = d.setScale(Math.max(0, 3 - wholeDigits), RoundingMode.HALF_UP);
        return nonNegativeZero(strip(r));
    }

    private static BigDecimal strip(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static BigDecimal toDecimal(Object value) {
        if (value instanceof BigDecimal bd) {
            return bd;
        }
        if (value instanceof BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double v = ((Number) value).doubleValue();
            return Double.isFinite(v) ? BigDecimal.valueOf(v) : null;
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean isNonFinite(Object value) {
        return (value instanceof Double d && !Double.isFinite(d)) || (value instanceof Float f && !Float.isFinite(f));
    }

    /** Inserts "," every three digits of the integer part of a plain decimal string. */
    static String group(String plain) {
        int start = plain.startsWith("-") ? 1 : 0;
        int dot = plain.indexOf('.');
        int end = dot < 0 ? plain.length() : dot;
        StringBuilder sb = new StringBuilder(plain.length() + 4);
        sb.append(plain, 0, start);
        for (int i = start; i < end; i++) {
            if (i > start && (end - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(plain.charAt(i));
        }
        sb.append(plain, end, plain.length());
        return sb.toString();
    }
}
