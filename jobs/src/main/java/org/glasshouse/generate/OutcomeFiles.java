package org.glasshouse.generate;

import static org.glasshouse.generate.ReferenceCatalog.AGREEMENTS;
import static org.glasshouse.generate.ReferenceCatalog.PARTNERS;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.glasshouse.generate.ReferenceCatalog.Agreement;
import org.glasshouse.generate.ReferenceCatalog.Partner;

/**
 * Writes {@code inbox/<partner>/outcome_measurements.csv} for the partners of the outcome programme: participants
 * (served people, some with a baseline only) and a comparison group (never served), with a known effect.
 */
final class OutcomeFiles {
    static final String[] HEADER = {"agreement_id", "beneficiary_ref", "indicator_id", "measured_on", "phase",
            "group", "value"};

    private final OutputSet set;
    private final ServicePlan plan;
    private final long seed;
    final List<String> notes = new ArrayList<>();
    long rows;
    long participants;
    long comparison;

    OutcomeFiles(OutputSet set, ServicePlan plan, long seed) {
        this.set = set;
        this.plan = plan;
        this.seed = seed;
    }

    void write(int n) throws IOException {
        List<Integer> agreements = new ArrayList<>();
        for (int a = 0; a < AGREEMENTS.size(); a++) {
            if (AGREEMENTS.get(a).programmeId().equals(ReferenceCatalog.OUTCOME_PROGRAMME)) {
                agreements.add(a);
            }
        }
        long wantedParticipants = Math.max(30, Math.min(12_000, Math.round(n * 0.015)));
        long wantedComparison = Math.max(20, Math.min(8_000, Math.round(n * 0.01)));
        long[] partAlloc = Allocation.allocate(wantedParticipants, Allocation.equal(agreements.size()));
        long[] compAlloc = Allocation.allocate(wantedComparison, Allocation.equal(agreements.size()));
        long comparisonCursor = plan.personCursor; // people never served
        double sumChangeP = 0;
        double sumSqP = 0;
        long nP = 0;
        double sumChangeC = 0;
        double sumSqC = 0;
        long nC = 0;
        long dropouts = 0;
        long participantIndex = 0;
        for (Partner p : PARTNERS) {
            List<Integer> mine = agreements.stream().filter(a -> AGREEMENTS.get(a).partnerId().equals(p.id())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            String rel = "inbox/" + p.id() + "/outcome_measurements.csv";
            try (CsvWriter w = set.open(rel)) {
                w.row(HEADER);
                for (int a : mine) {
                    Agreement ag = AGREEMENTS.get(a);
                    int slot = agreements.indexOf(a);
                    Rng rng = Rng.stream(seed, "outcomes/" + ag.id());
                    // participants: people of this agreement's own (non-shared) part of the pool
                    int next = agreements.indexOf(a) + 1 < agreements.size() ? agreements.get(agreements.indexOf(a) + 1) : -1;
                    long from = plan.overlapWithPrevious[a];
                    long to = plan.poolSize[a] - (next >= 0 ? plan.overlapWithPrevious[next] : 0);
                    long avail = to - from;
                    long count = Math.min(partAlloc[slot], avail);
                    for (long j = 0; j < count; j++) {
                        long person = plan.poolStart[a] + from + j * avail / count;
                        boolean dropout = participantIndex++ % 50 == 49;
                        double[] change = measurement(w, ag, person, "participant", 4.5, 6.5, dropout, rng);
                        participants++;
                        if (dropout) {
                            dropouts++;
                        } else {
                            nP++;
                            sumChangeP += change[0];
                            sumSqP += change[0] * change[0];
                        }
                    }
                    for (long j = 0; j < compAlloc[slot]; j++) {
                        long person = comparisonCursor++;
                        double[] change = measurement(w, ag, person, "comparison", 1.0, 6.0, false, rng);
                        comparison++;
                        nC++;
                        sumChangeC += change[0];
                        sumSqC += change[0] * change[0];
                    }
                }
                set.done(rel, w);
            }
            set.submission(p.id(), "outcome_measurements.csv", "2026-10-08T14:" + Decimals.pad(20 + PARTNERS.indexOf(p) * 2, 2) + ":00Z");
        }
        double meanP = sumChangeP / nP;
        double meanC = sumChangeC / nC;
        double sdP = Math.sqrt((sumSqP - nP * meanP * meanP) / (nP - 1));
        double sdC = Math.sqrt((sumSqC - nC * meanC * meanC) / (nC - 1));
        notes.add("participants: " + participants + " people (" + nP + " with baseline and followup, " + dropouts
                + " with a baseline only)");
        notes.add("comparison: " + comparison + " people, all with baseline and followup; their refs never appear in services");
        notes.add("participant mean change (followup - baseline): " + Decimals.fixed(meanP, 4) + " (sd " + Decimals.fixed(sdP, 4)
                + ", n " + nP + ", d_z " + Decimals.fixed(meanP / sdP, 4) + ")");
        notes.add("comparison mean change: " + Decimals.fixed(meanC, 4) + " (sd " + Decimals.fixed(sdC, 4) + ", n " + nC + ")");
        notes.add("difference in differences: " + Decimals.fixed(meanP - meanC, 4) + " (Welch SE "
                + Decimals.fixed(Math.sqrt(sdP * sdP / nP + sdC * sdC / nC), 4) + ")");
    }

    /** Writes baseline (and unless dropout, followup) rows; returns {followup - baseline}. */
    private double[] measurement(CsvWriter w, Agreement ag, long person, String group, double effect, double sd,
                                 boolean dropout, Rng rng) throws IOException {
        LocalDate baselineDate = ag.start().plusDays(rng.nextInt(150));
        LocalDate followupDate = baselineDate.plusDays(168 + rng.nextInt(29));
        OutputSet.check(!followupDate.isAfter(Period.min(ag.end(), Period.END)), "followup inside agreement");
        long before = Math.max(14, Math.min(70, Math.round(41 + 7 * rng.nextGaussian())));
        long after = Math.max(14, Math.min(70, Math.round(before + effect + sd * rng.nextGaussian())));
        String ref = ServicePlan.beneficiaryRef(person);
        String indicator = ReferenceCatalog.OUTCOME_INDICATOR;
        w.row(ag.id(), ref, indicator, baselineDate.toString(), "baseline", group, Long.toString(before));
        rows++;
        if (!dropout) {
            w.row(ag.id(), ref, indicator, followupDate.toString(), "followup", group, Long.toString(after));
            rows++;
        }
        return new double[]{after - before};
    }
}
