package org.glasshouse.generate;

/** The money of each agreement as written (cents, agreement currency): the README's expected figures. */
final class Ledger {
    final long[] disbursedGross;
    final long[] refunded;
    final long[] spent;
    final long[] expenditures;

    Ledger(int agreements) {
        disbursedGross = new long[agreements];
        refunded = new long[agreements];
        spent = new long[agreements];
        expenditures = new long[agreements];
    }

    long disbursed(int agreement) {
        return disbursedGross[agreement] - refunded[agreement];
    }
}
