package org.glasshouse.generate;

import static org.glasshouse.generate.ReferenceCatalog.AGREEMENTS;
import static org.glasshouse.generate.ReferenceCatalog.PROGRAMMES;
import static org.glasshouse.generate.ReferenceCatalog.REGIONS;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.glasshouse.generate.ReferenceCatalog.Agreement;
import org.glasshouse.generate.ReferenceCatalog.Programme;

/**
 * How many service rows each agreement gets in each month, and who the people are: each agreement serves a
 * contiguous pool of person numbers; neighbouring agreements of a programme share about 3% of their people
 * (overlap). A person's region, age band, sex and priority group are a pure function of the seed and the person.
 */
final class ServicePlan {
    final int agreementCount = AGREEMENTS.size();
    /** [agreement][month] rows. */
    final long[][] cellRows = new long[agreementCount][Period.MONTHS.size()];
    final long[] poolStart = new long[agreementCount];
    final long[] poolSize = new long[agreementCount];
    final long[] overlapWithPrevious = new long[agreementCount];
    final long[] totalRows = new long[agreementCount];
    final int[] homeProgramme = new int[agreementCount];
    /** programme -> {distinct people, overlap}. */
    final TreeMap<String, long[]> programmePeople = new TreeMap<>();
    /** The first person number no agreement serves (comparison-group people start here). */
    long personCursor;
    private final long seed;

    ServicePlan(int n, long seed) {
        this.seed = seed;
        for (int a = 0; a < agreementCount; a++) {
            homeProgramme[a] = PROGRAMMES.indexOf(ReferenceCatalog.programme(AGREEMENTS.get(a).programmeId()));
        }
        allocateRows(n);
        allocatePools();
    }

    private void allocateRows(int n) {
        int plantCount = Plants.SERVICES.size();
        long valid = (long) n - plantCount;
        int pilot = ReferenceCatalog.agreementIndex(ReferenceCatalog.PILOT_AGREEMENT);
        List<int[]> cells = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<int[]> pilotCells = new ArrayList<>();
        for (int a = 0; a < agreementCount; a++) {
            Agreement ag = AGREEMENTS.get(a);
            int k = 0;
            for (int m = 0; m < Period.MONTHS.size(); m++) {
                YearMonth month = Period.MONTHS.get(m);
                if (!ag.activeIn(month) || (ag.partnerId().equals(Plants.MISSING_PARTNER)
                        && month.equals(Plants.MISSING_MONTH))) {
                    continue;
                }
                if (a == pilot) {
                    pilotCells.add(new int[]{a, m});
                    continue;
                }
                double ramp = k == 0 ? 0.5 : k == 1 ? 0.75 : 1.0;
                int mv = month.getMonthValue();
                double season = mv == 12 ? 0.75 : mv == 1 ? 0.9 : mv == 8 ? 0.85 : 1.0;
                cells.add(new int[]{a, m});
                weights.add(ag.serviceWeight() * ramp * season);
                k++;
            }
        }
        long[] alloc = Allocation.allocate(valid - Plants.PILOT_ROWS,
                weights.stream().mapToDouble(Double::doubleValue).toArray());
        for (int i = 0; i < cells.size(); i++) {
            cellRows[cells.get(i)[0]][cells.get(i)[1]] = alloc[i];
        }
        long[] pilotAlloc = Allocation.allocate(Plants.PILOT_ROWS, Allocation.equal(pilotCells.size()));
        for (int i = 0; i < pilotCells.size(); i++) {
            cellRows[pilotCells.get(i)[0]][pilotCells.get(i)[1]] = pilotAlloc[i];
        }
        for (int a = 0; a < agreementCount; a++) {
            long r = 0;
            for (long c : cellRows[a]) {
                r += c;
            }
            totalRows[a] = r;
            Agreement ag = AGREEMENTS.get(a);
            poolSize[a] = a == pilot ? Plants.PILOT_PEOPLE
                    : Math.max(1, Math.min(r, Math.round(r / ag.visitsPerPerson())));
        }
    }

    /** Person pools: contiguous per programme; neighbouring agreements share ~3% of people (overlap). */
    private void allocatePools() {
        int pilot = ReferenceCatalog.agreementIndex(ReferenceCatalog.PILOT_AGREEMENT);
        personCursor = 0;
        for (Programme p : PROGRAMMES) {
            long programmeStart = personCursor;
            long overlap = 0;
            int previous = -1;
            for (int a = 0; a < agreementCount; a++) {
                if (!AGREEMENTS.get(a).programmeId().equals(p.id())) {
                    continue;
                }
                if (previous < 0) {
                    poolStart[a] = personCursor;
                } else {
                    long ov = a == pilot ? 0 : Math.max(1, Math.round(0.03 * Math.min(poolSize[previous], poolSize[a])));
                    overlapWithPrevious[a] = ov;
                    overlap += ov;
                    poolStart[a] = poolStart[previous] + poolSize[previous] - ov;
                }
                personCursor = poolStart[a] + poolSize[a];
                previous = a;
            }
            programmePeople.put(p.id(), new long[]{personCursor - programmeStart, overlap});
        }
    }

    static String beneficiaryRef(long person) {
        return "BEN-" + Decimals.pad(10001 + person, 6);
    }

    /** The agreement whose pool a person belongs to first (home), used for region and age profile. */
    private int homeAgreement(long person) {
        int best = -1;
        for (int a = 0; a < agreementCount; a++) {
            if (person >= poolStart[a] && person < poolStart[a] + poolSize[a] && (best < 0 || poolStart[a] < poolStart[best])) {
                best = a;
            }
        }
        return best;
    }

    /** Fixed per-person attributes: region, age band, sex, priority group. */
    String[] personAttributes(long person) {
        long h = Rng.mix(seed ^ 0x51ED2701A3B4C5D7L ^ (person * 0x9E3779B97F4A7C15L));
        int home = homeAgreement(person);
        Agreement ag = AGREEMENTS.get(home);
        Programme prog = PROGRAMMES.get(homeProgramme[home]);
        String region;
        double u = Rng.unit(h);
        h = Rng.mix(h);
        if (u < 0.7) {
            region = ReferenceCatalog.partner(ag.partnerId()).regionCode();
        } else {
            region = REGIONS.get((int) ((h >>> 1) % REGIONS.size())).code();
            h = Rng.mix(h);
        }
        String age = ReferenceCatalog.AGE_BANDS[pick(prog.ageWeights(), Rng.unit(h))];
        h = Rng.mix(h);
        String sex = ReferenceCatalog.SEXES[pick(ReferenceCatalog.SEX_WEIGHTS, Rng.unit(h))];
        h = Rng.mix(h);
        double priorityShare = region.equals("R05") || region.equals("R06") ? 0.45 : 0.30;
        String priority = Rng.unit(h) < priorityShare ? "true" : "false";
        return new String[]{region, age, sex, priority};
    }

    private static int pick(double[] weights, double u) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = u * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0 && weights[i] > 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        return 0;
    }
}
