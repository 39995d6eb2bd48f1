package org.glasshouse.report.sdc;

import java.util.List;

/**
 * One count of people that the release publishes or lets be computed: a variable of the attacker's problem.
 *
 * @param id        stable name, e.g. {@code agreement_metrics[AGR-012].beneficiaries}
 * @param value     the true count
 * @param kind      how the release shows it
 * @param positions every table cell that prints this count (a count repeated in two tables is one cell)
 */
public record Cell(String id, long value, Kind kind, List<Position> positions) {

    public Cell {
        if (value < 0) throw new IllegalArgumentException("a count of people cannot be negative: " + id + " = " + value);
        positions = List.copyOf(positions);
    }

    public enum Kind {
        /** Printed in a count column. Zeros are never hidden, so a hidden count is known to be at least 1. */
        COUNT,
        /** Never printed itself, but a published figure gives it back (priority_share × beneficiaries). */
        LATENT,
        /** Never published nor computable (a partner's people in one programme where it holds two agreements); links others. */
        STRUCTURAL,
        /**
         * A published whole number that is not a count of people but bounds some (a partner's accepted service
         * rows: each person served has at least one). Never small itself; hidden when it would narrow a small count.
         */
        BOUND
    }

    /** The smallest value an attacker knows the cell can have when it is hidden. */
    public long floor() {
        return (kind == Kind.COUNT || kind == Kind.BOUND) && value > 0 ? 1 : 0;
    }
}
