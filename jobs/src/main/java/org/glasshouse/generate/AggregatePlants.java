package org.glasshouse.generate;

import static org.glasshouse.generate.ReferenceCatalog.AGREEMENTS;

import org.glasshouse.generate.ReferenceCatalog.Partner;

/**
 * The planted problems no single row shows (spending beyond what was received, disbursing beyond the commitment,
 * amounts that fail Benford's law, a programme too small to publish), checked against what was written: each
 * planted anomaly is there, and no other agreement has one by accident.
 */
final class AggregatePlants {
    private AggregatePlants() {
    }

    static void record(OutputSet set, Ledger ledger) {
        String overspend = Plants.OVERSPEND_AGREEMENT;
        int over = ReferenceCatalog.agreementIndex(overspend);
        long disbursedOver = ledger.disbursed(over);
        OutputSet.check(ledger.spent[over] > disbursedOver * 1.1, "overspend planted");
        set.problem(new PlantedProblem("agreements", transactionsFile(over), 0, overspend,
                "spent > disbursed", Decimals.money(ledger.spent[over]) + " > " + Decimals.money(disbursedOver),
                "spent exceeds disbursed by "
                        + Decimals.fixed(100.0 * (ledger.spent[over] - disbursedOver) / disbursedOver, 1)
                        + "% (threshold 10%)", false));
        int od = ReferenceCatalog.agreementIndex(Plants.OVERDISBURSED_AGREEMENT);
        long disbursedOd = ledger.disbursed(od);
        OutputSet.check(disbursedOd > AGREEMENTS.get(od).committedCents(), "over-disbursement planted");
        set.problem(new PlantedProblem("agreements", transactionsFile(od), 0, Plants.OVERDISBURSED_AGREEMENT,
                "disbursed > committed", Decimals.money(disbursedOd) + " > "
                        + Decimals.money(AGREEMENTS.get(od).committedCents()),
                "disbursed exceeds committed (a supplementary tranche repeats the last one)", false));
        for (int a = 0; a < AGREEMENTS.size(); a++) {
            long d = ledger.disbursed(a);
            if (a != over) {
                OutputSet.check(ledger.spent[a] <= d * 1.1, "no unplanned overspend " + AGREEMENTS.get(a).id());
            }
            if (a != od) {
                OutputSet.check(d <= AGREEMENTS.get(a).committedCents(),
                        "no unplanned over-disbursement " + AGREEMENTS.get(a).id());
            }
        }
        Partner benford = ReferenceCatalog.partner(Plants.BENFORD_FAIL_PARTNER);
        set.problem(new PlantedProblem("transactions", "inbox/" + benford.id() + "/" + benford.transactionsFile(), 0,
                benford.id(), "amount (expenditures)", "uniform, multiples of 50.00",
                "expenditure amounts are uniform around their mean and rounded to 50.00: first digits fail Benford's law",
                false));
        int pilot = ReferenceCatalog.agreementIndex(ReferenceCatalog.PILOT_AGREEMENT);
        set.problem(new PlantedProblem("services", "inbox/" + AGREEMENTS.get(pilot).partnerId() + "/services-*.csv", 0,
                ReferenceCatalog.PILOT_AGREEMENT, "beneficiary_ref", Plants.PILOT_PEOPLE + " distinct",
                "fewer than 10 distinct beneficiaries (disclosure control must suppress)", false));
    }

    private static String transactionsFile(int agreement) {
        String partner = AGREEMENTS.get(agreement).partnerId();
        return "inbox/" + partner + "/" + ReferenceCatalog.partner(partner).transactionsFile();
    }
}
