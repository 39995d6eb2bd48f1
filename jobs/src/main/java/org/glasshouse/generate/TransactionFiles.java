package org.glasshouse.generate;

import static org.glasshouse.generate.ReferenceCatalog.AGREEMENTS;
import static org.glasshouse.generate.ReferenceCatalog.PARTNERS;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.glasshouse.generate.ReferenceCatalog.Agreement;
import org.glasshouse.generate.ReferenceCatalog.Partner;

/**
 * Writes {@code inbox/<partner>/transactions.csv|.jsonl}: quarterly disbursements, refunds, expenditures that add up
 * to each agreement's absorption of what it received (Benford-like amounts, except the one partner planted to fail
 * the test), the planted invalid transactions, one duplicate pair and one expenditure after the agreement's end.
 *
 * <p>The number of transactions is a tenth of the service rows, at least 1,000 and at most {@link #MAX_TRANSACTIONS}:
 * the agreements' money is fixed reference data, so more rows would mean ever smaller amounts (cents, then less
 * than a cent), and the planted problems stop being what they are. Above 2,000,000 service rows the planted
 * non-Benford partner's amounts, rounded to 50.00 with 50.00 as the least, overspent an agreement that must not be
 * flagged ("no unplanned overspend AGR-008"). At the cap the amounts are still realistic and every planted problem
 * holds (checked by SampleDataGeneratorTest); the transactions of any larger set are those of the cap, so memory
 * for them is bounded too.
 */
final class TransactionFiles {
    static final String[] HEADER = {"transaction_id", "agreement_id", "date", "type", "amount", "currency",
            "description"};
    static final long MIN_TRANSACTIONS = 1000;
    static final long MAX_TRANSACTIONS = 100_000;

    private static final String[] EXPENDITURE_TEXT = {
            "Staff salaries", "Venue hire, community hall", "Travel reimbursement (mileage)", "Training materials",
            "Laptops, refurbished", "Catering for \"graduation\" event", "Printing and stationery", "Interpreter services",
            "Outreach advertising, local radio", "Bus passes for participants", "Software licence renewal",
            "Office utilities", "Safeguarding training, 2 staff", "Evaluation consultancy", "Room hire \"Hub 2\"",
            "Mobile data vouchers", "Cleaning services", "Insurance premium", "Payroll on-costs", "Volunteer expenses"};
    private static final String[] LARGE_EXPENDITURE_TEXT = {
            "Staff salaries", "Payroll on-costs", "Subcontracted delivery, local partner", "Evaluation consultancy",
            "Equipment purchase (laptops, tablets)", "Premises lease, quarterly", "Outreach campaign, \"Get Connected\""};
    private static final String[] MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};

    /** A transaction before it gets its id. */
    private record Tx(LocalDate date, int typeOrder, String type, int agreement, String amount, boolean jsonString,
                      long cents, String description, Plants.TransactionPlant plant, int seq) {
    }

    private final OutputSet set;
    private final Ledger ledger;
    private final long seed;
    long rows;
    long plantedInvalid;

    TransactionFiles(OutputSet set, Ledger ledger, long seed) {
        this.set = set;
        this.ledger = ledger;
        this.seed = seed;
    }

    static long count(int services) {
        return Math.min(Math.max(Math.round(services / 10.0), MIN_TRANSACTIONS), MAX_TRANSACTIONS);
    }

    void write(int services) throws IOException {
        long total = count(services);
        int agreementCount = AGREEMENTS.size();
        // disbursements: quarterly tranches from the start date, paid on the 5th, up to the period end
        List<List<Tx>> perPartner = new ArrayList<>();
        for (int i = 0; i < PARTNERS.size(); i++) {
            perPartner.add(new ArrayList<>());
        }
        int seq = 0;
        long fixedRows = 0;
        for (int a = 0; a < agreementCount; a++) {
            Agreement ag = AGREEMENTS.get(a);
            int pi = PARTNERS.indexOf(ReferenceCatalog.partner(ag.partnerId()));
            long months = ChronoUnit.MONTHS.between(YearMonth.from(ag.start()), YearMonth.from(ag.end())) + 1;
            int tranches = (int) ((months + 2) / 3);
            long base = ag.committedCents() / tranches;
            String agency = ReferenceCatalog.programme(ag.programmeId()).agency();
            for (int k = 0; k < tranches; k++) {
                LocalDate date = ag.start().plusMonths(3L * k).plusDays(4);
                if (date.isAfter(Period.END) || date.isAfter(ag.end())) {
                    break;
                }
                long cents = k == tranches - 1 ? ag.committedCents() - base * (tranches - 1) : base;
                perPartner.get(pi).add(new Tx(date, 0, "disbursement", a, Decimals.money(cents), false, cents,
                        "Quarterly tranche " + (k + 1) + " of " + tranches + " from " + agency, null, seq++));
                ledger.disbursedGross[a] += cents;
                fixedRows++;
                if (ag.id().equals(Plants.OVERDISBURSED_AGREEMENT) && k == tranches - 1) {
                    LocalDate extra = date.plusDays(45);
                    OutputSet.check(ag.covers(extra), "extra tranche inside agreement");
                    perPartner.get(pi).add(new Tx(extra, 0, "disbursement", a, Decimals.money(cents), false, cents,
                            "Supplementary tranche (tranche " + tranches + " paid again)", null, seq++));
                    ledger.disbursedGross[a] += cents;
                    fixedRows++;
                }
            }
        }
        for (Plants.Refund r : Plants.REFUNDS) {
            int a = ReferenceCatalog.agreementIndex(r.agreementId());
            OutputSet.check(AGREEMENTS.get(a).covers(r.date()), "refund inside agreement");
            int pi = PARTNERS.indexOf(ReferenceCatalog.partner(AGREEMENTS.get(a).partnerId()));
            perPartner.get(pi).add(new Tx(r.date(), 2, "refund", a, Decimals.money(r.cents()), false, r.cents(),
                    r.description(), null, seq++));
            ledger.refunded[a] += r.cents();
            fixedRows++;
        }
        for (Plants.TransactionPlant tp : Plants.TRANSACTIONS) {
            int a = ReferenceCatalog.agreementIndex(tp.agreementId());
            OutputSet.check(AGREEMENTS.get(a).partnerId().equals(tp.partnerId()) && AGREEMENTS.get(a).covers(tp.date()),
                    "tx plant " + tp);
            int pi = PARTNERS.indexOf(ReferenceCatalog.partner(tp.partnerId()));
            perPartner.get(pi).add(new Tx(tp.date(), 1, tp.type(), a, tp.amount(), tp.amountIsJsonString(), 0,
                    EXPENDITURE_TEXT[(int) (Math.abs(tp.date().toEpochDay()) % EXPENDITURE_TEXT.length)], tp, seq++));
            fixedRows++;
        }
        // expenditures: the rest, split equally over partners, then over each partner's agreement-months
        long extraExpenditures = 2; // the after-end expenditure and the duplicate copy
        long expenditures = total - fixedRows - extraExpenditures;
        long[] perPartnerCount = Allocation.allocate(expenditures, Allocation.equal(PARTNERS.size()));
        for (int pi = 0; pi < PARTNERS.size(); pi++) {
            seq = expenditures(PARTNERS.get(pi), perPartnerCount[pi], perPartner.get(pi), seq);
        }
        // the expenditure dated after its agreement's end
        int afterEnd = ReferenceCatalog.agreementIndex(Plants.AFTER_END_AGREEMENT);
        OutputSet.check(Plants.AFTER_END_DATE.isAfter(AGREEMENTS.get(afterEnd).end()), "after-end date");
        int afterEndPartner = PARTNERS.indexOf(ReferenceCatalog.partner(AGREEMENTS.get(afterEnd).partnerId()));
        Tx afterEndTx = new Tx(Plants.AFTER_END_DATE, 1, "expenditure", afterEnd, "850.00", false, 85_000L,
                "Final evaluation report printing", null, seq++);
        perPartner.get(afterEndPartner).add(afterEndTx);

        for (int pi = 0; pi < PARTNERS.size(); pi++) {
            Partner p = PARTNERS.get(pi);
            List<Tx> txs = perPartner.get(pi);
            txs.sort(Comparator.comparing(Tx::date).thenComparingInt(Tx::typeOrder).thenComparingInt(Tx::seq));
            int duplicateOf = -1;
            int dupAgreement = ReferenceCatalog.agreementIndex(Plants.DUPLICATE_AGREEMENT);
            if (AGREEMENTS.get(dupAgreement).partnerId().equals(p.id())) {
                List<Integer> candidates = new ArrayList<>();
                for (int i = 0; i < txs.size(); i++) {
                    if (txs.get(i).agreement() == dupAgreement && txs.get(i).type().equals("expenditure")) {
                        candidates.add(i);
                    }
                }
                duplicateOf = candidates.get((int) (candidates.size() * 0.4));
                Tx original = txs.get(duplicateOf);
                txs.add(duplicateOf + 1, new Tx(original.date(), 1, "expenditure", dupAgreement, original.amount(), false,
                        original.cents(), original.description(), null, seq++));
            }
            writeFile(p, txs, duplicateOf, afterEndTx);
        }
        if (rows != total) {
            throw new IllegalStateException("wrote " + rows + " transactions, expected " + total);
        }
    }

    /** One partner's expenditures, spread over its agreement-months; returns the next sequence number. */
    private int expenditures(Partner p, long count, List<Tx> out, int seq) {
        List<int[]> cells = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int a = 0; a < AGREEMENTS.size(); a++) {
            Agreement ag = AGREEMENTS.get(a);
            if (!ag.partnerId().equals(p.id())) {
                continue;
            }
            for (int m = 0; m < Period.MONTHS.size(); m++) {
                if (ag.activeIn(Period.MONTHS.get(m))) {
                    cells.add(new int[]{a, m});
                    weights.add(ag.id().equals(ReferenceCatalog.PILOT_AGREEMENT) ? 0.3 : 1.0);
                }
            }
        }
        long[] alloc = Allocation.allocate(count, weights.stream().mapToDouble(Double::doubleValue).toArray());
        for (int a = 0; a < AGREEMENTS.size(); a++) {
            Agreement ag = AGREEMENTS.get(a);
            if (!ag.partnerId().equals(p.id())) {
                continue;
            }
            long n = 0;
            for (int c = 0; c < cells.size(); c++) {
                if (cells.get(c)[0] == a) {
                    n += alloc[c];
                }
            }
            Rng rng = Rng.stream(seed, "expenditures/" + ag.id());
            long target = Math.round(ag.absorption() * ledger.disbursed(a));
            long[] amounts = p.id().equals(Plants.BENFORD_FAIL_PARTNER)
                    ? ExpenditureAmounts.rounded(n, target, rng) : ExpenditureAmounts.benford(n, target, rng);
            int next = 0;
            for (int c = 0; c < cells.size(); c++) {
                if (cells.get(c)[0] != a) {
                    continue;
                }
                YearMonth month = Period.MONTHS.get(cells.get(c)[1]);
                LocalDate first = Period.max(month.atDay(1), ag.start());
                LocalDate last = Period.min(Period.min(month.atEndOfMonth(), ag.end()), Period.END);
                int span = (int) ChronoUnit.DAYS.between(first, last) + 1;
                for (long j = 0; j < alloc[c]; j++) {
                    long cents = amounts[next++];
                    LocalDate date = first.plusDays(rng.nextInt(span));
                    String[] texts = cents >= 2_000_000L ? LARGE_EXPENDITURE_TEXT : EXPENDITURE_TEXT;
                    String text = texts[rng.nextInt(texts.length)] + ", "
                            + MONTH_NAMES[month.getMonthValue() - 1] + " " + month.getYear();
                    out.add(new Tx(date, 1, "expenditure", a, Decimals.money(cents), false, cents, text, null, seq++));
                }
            }
        }
        return seq;
    }

    private void writeFile(Partner p, List<Tx> txs, int duplicateOf, Tx afterEndTx) throws IOException {
        String rel = "inbox/" + p.id() + "/" + p.transactionsFile();
        boolean json = p.jsonTransactions();
        StringBuilder sb = new StringBuilder(256);
        try (CsvWriter w = set.open(rel)) {
            if (!json) {
                w.row(HEADER);
            }
            long firstDuplicateLine = 0;
            String firstDuplicateId = null;
            for (int i = 0; i < txs.size(); i++) {
                Tx t = txs.get(i);
                Agreement ag = AGREEMENTS.get(t.agreement());
                String id = "TRX-" + p.id() + "-" + Decimals.pad(i + 1, 6);
                long line;
                if (json) {
                    sb.setLength(0);
                    sb.append("{\"transaction_id\":");
                    CsvWriter.appendJsonString(sb, id);
                    sb.append(",\"agreement_id\":");
                    CsvWriter.appendJsonString(sb, ag.id());
                    sb.append(",\"date\":");
                    CsvWriter.appendJsonString(sb, t.date().toString());
                    sb.append(",\"type\":");
                    CsvWriter.appendJsonString(sb, t.type());
                    sb.append(",\"amount\":");
                    if (t.jsonString()) {
                        CsvWriter.appendJsonString(sb, t.amount());
                    } else {
                        sb.append(t.amount());
                    }
                    sb.append(",\"currency\":");
                    CsvWriter.appendJsonString(sb, ag.currency());
                    sb.append(",\"description\":");
                    CsvWriter.appendJsonString(sb, t.description());
                    sb.append('}');
                    line = w.raw(sb);
                } else {
                    line = w.row(id, ag.id(), t.date().toString(), t.type(), t.amount(), ag.currency(), t.description());
                }
                rows++;
                if (t.plant() != null) {
                    set.problem(new PlantedProblem("transactions", rel, line, id, t.plant().field(),
                            t.plant().field().equals("type") ? t.type() : t.amount(), t.plant().problem(), true));
                    plantedInvalid++;
                    continue;
                }
                if (t.type().equals("expenditure")) {
                    ledger.spent[t.agreement()] += t.cents();
                    ledger.expenditures[t.agreement()]++;
                }
                if (i == duplicateOf) {
                    firstDuplicateLine = line;
                    firstDuplicateId = id;
                } else if (duplicateOf >= 0 && i == duplicateOf + 1) {
                    set.problem(new PlantedProblem("transactions", rel, line, id, "transaction_id",
                            firstDuplicateId + " (line " + firstDuplicateLine + ") and " + id + " (line " + line + ")",
                            "duplicate expenditure: same agreement " + ag.id() + ", date " + t.date() + " and amount "
                                    + t.amount() + " as " + firstDuplicateId + ", different transaction_id (both rows are valid)",
                            false));
                }
                if (t == afterEndTx) {
                    set.problem(new PlantedProblem("transactions", rel, line, id, "date", t.date().toString(),
                            "expenditure dated after the agreement end date " + ag.end() + " (" + ag.id()
                                    + "; row is otherwise valid and counts in spent)", false));
                }
            }
            set.done(rel, w);
        }
        set.submission(p.id(), p.transactionsFile(), "2026-10-05T09:" + Decimals.pad(10 + PARTNERS.indexOf(p) * 3, 2) + ":00Z");
    }
}
