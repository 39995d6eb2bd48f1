package org.glasshouse.generate;

import static org.glasshouse.generate.ReferenceCatalog.AGREEMENTS;
import static org.glasshouse.generate.ReferenceCatalog.INDICATORS;
import static org.glasshouse.generate.ReferenceCatalog.PARTNERS;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.glasshouse.generate.ReferenceCatalog.Agreement;
import org.glasshouse.generate.ReferenceCatalog.Indicator;
import org.glasshouse.generate.ReferenceCatalog.Partner;

/**
 * Writes {@code inbox/<partner>/results.csv}: a monthly (one quarterly) series per agreement and indicator of its
 * programme, whose latest value puts each series on track, at risk or off track by design (a third each).
 */
final class ResultFiles {
    static final String[] HEADER = {"agreement_id", "indicator_id", "period", "baseline", "target", "actual"};

    private final OutputSet set;
    private final long seed;
    /** Per series: agreement, indicator, direction, periods, latest, baseline, target, actual, attainment, elapsed, status. */
    final List<String[]> expectations = new ArrayList<>();
    long rows;

    ResultFiles(OutputSet set, long seed) {
        this.set = set;
        this.seed = seed;
    }

    void write() throws IOException {
        for (Partner p : PARTNERS) {
            String rel = "inbox/" + p.id() + "/results.csv";
            try (CsvWriter w = set.open(rel)) {
                w.row(HEADER);
                for (int a = 0; a < AGREEMENTS.size(); a++) {
                    Agreement ag = AGREEMENTS.get(a);
                    if (!ag.partnerId().equals(p.id())) {
                        continue;
                    }
                    int ii = 0;
                    for (Indicator ind : INDICATORS) {
                        if (!ind.programmeId().equals(ag.programmeId())) {
                            continue;
                        }
                        series(w, ag, a, ind, ii++);
                    }
                }
                set.done(rel, w);
            }
            set.submission(p.id(), "results.csv", "2026-10-07T11:" + Decimals.pad(5 + PARTNERS.indexOf(p) * 4, 2) + ":00Z");
        }
    }

    private void series(CsvWriter w, Agreement ag, int a, Indicator ind, int indicatorIndex) throws IOException {
        boolean quarterly = ag.id().equals(ReferenceCatalog.QUARTERLY_AGREEMENT)
                && ind.id().equals(ReferenceCatalog.QUARTERLY_INDICATOR);
        List<String> periods = new ArrayList<>();
        List<LocalDate> periodEnds = new ArrayList<>();
        LocalDate lastEnd = Period.min(ag.end(), Period.END);
        for (YearMonth m : Period.MONTHS) {
            if (!ag.activeIn(m) || m.atEndOfMonth().isAfter(lastEnd)) {
                continue;
            }
            if (quarterly) {
                if (m.getMonthValue() % 3 == 0) {
                    periods.add(m.getYear() + "-Q" + (m.getMonthValue() / 3));
                    periodEnds.add(m.atEndOfMonth());
                }
            } else {
                periods.add(m.toString());
                periodEnds.add(m.atEndOfMonth());
            }
        }
        double baseline = ind.baseline();
        double target = ind.targetFor(ag);
        double elapsed = Period.elapsed(ag, Period.AS_OF);
        int cls = (a + indicatorIndex) % 3;
        double wanted = switch (cls) {
            case 0 -> 1.03 * elapsed;
            case 1 -> elapsed - 0.175;
            default -> elapsed - 0.40;
        };
        double f = wanted / elapsed;
        int scale = switch (ind.unit()) {
            case "count" -> 0;
            case "currency" -> 2;
            default -> 1;
        };
        Rng rng = Rng.stream(seed, "results/" + ag.id() + "/" + ind.id());
        String lastActual = null;
        for (int i = 0; i < periods.size(); i++) {
            double e = Period.elapsed(ag, periodEnds.get(i));
            double noise = i == periods.size() - 1 ? 0 : 0.03 * rng.nextGaussian();
            double actual = baseline + (target - baseline) * (f * e + noise);
            double hi = ind.unit().equals("percent") ? 100 : Double.MAX_VALUE;
            actual = Math.max(0, Math.min(hi, actual));
            lastActual = Decimals.fixed(actual, scale);
            w.row(ag.id(), ind.id(), periods.get(i), Decimals.fixed(baseline, scale), Decimals.fixed(target, scale), lastActual);
            rows++;
        }
        double b = Double.parseDouble(Decimals.fixed(baseline, scale));
        double t = Double.parseDouble(Decimals.fixed(target, scale));
        double attainment = (Double.parseDouble(lastActual) - b) / (t - b);
        String status = attainment >= elapsed - 0.10 ? "on track" : attainment >= elapsed - 0.25 ? "at risk" : "off track";
        String wantedStatus = cls == 0 ? "on track" : cls == 1 ? "at risk" : "off track";
        OutputSet.check(status.equals(wantedStatus), "status of " + ag.id() + "/" + ind.id() + " is " + status);
        expectations.add(new String[]{ag.id(), ind.id(), ind.direction(), Integer.toString(periods.size()),
                periods.get(periods.size() - 1), Decimals.fixed(b, scale), Decimals.fixed(t, scale), lastActual,
                Decimals.fixed(attainment, 4), Decimals.fixed(elapsed, 4), status});
    }
}
