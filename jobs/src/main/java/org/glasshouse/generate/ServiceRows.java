package org.glasshouse.generate;

import java.util.Arrays;

/**
 * The service rows of one partner-month file, held compactly (about 20 bytes a row in primitive arrays rather than
 * an object with strings) between generation, which draws them agreement by agreement, and writing, which orders
 * them by date. The largest file of a 20,000,000-row set holds about 250,000 rows: 5 MB.
 */
final class ServiceRows {
    /** What a row's flex_case_ref is, given the row's pool position and {@link #flexExtra}. */
    static final byte FLEX_BASE = 0;
    static final byte FLEX_EMPTY = 1;
    static final byte FLEX_VISIT = 2;
    static final byte FLEX_WALK_IN = 3;

    private byte[] day = new byte[16];
    private byte[] agreement = new byte[16];
    private long[] person = new long[16];
    private byte[] type = new byte[16];
    private int[] unitTenths = new int[16];
    private byte[] flexKind = new byte[16];
    private int[] flexExtra = new int[16];
    private int size;

    void add(int dayOfMonth, int agreementIndex, long personNumber, int typeIndex, int units, byte flex, int extra) {
        if (size == day.length) {
            int n = size * 2;
            day = Arrays.copyOf(day, n);
            agreement = Arrays.copyOf(agreement, n);
            person = Arrays.copyOf(person, n);
            type = Arrays.copyOf(type, n);
            unitTenths = Arrays.copyOf(unitTenths, n);
            flexKind = Arrays.copyOf(flexKind, n);
            flexExtra = Arrays.copyOf(flexExtra, n);
        }
        day[size] = (byte) dayOfMonth;
        agreement[size] = (byte) agreementIndex;
        person[size] = personNumber;
        type[size] = (byte) typeIndex;
        unitTenths[size] = units;
        flexKind[size] = flex;
        flexExtra[size] = extra;
        size++;
    }

    int size() {
        return size;
    }

    /** Row indexes ordered by day of month, rows of one day in the order they were drawn (a stable sort). */
    int[] byDay() {
        int[] start = new int[33];
        for (int i = 0; i < size; i++) {
            start[day[i] + 1]++;
        }
        for (int d = 1; d < start.length; d++) {
            start[d] += start[d - 1];
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[start[day[i]]++] = i;
        }
        return order;
    }

    int day(int i) {
        return day[i];
    }

    int agreement(int i) {
        return agreement[i];
    }

    long person(int i) {
        return person[i];
    }

    int type(int i) {
        return type[i];
    }

    int unitTenths(int i) {
        return unitTenths[i];
    }

    byte flexKind(int i) {
        return flexKind[i];
    }

    int flexExtra(int i) {
        return flexExtra[i];
    }
}
