package org.glasshouse.report.sdc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.glasshouse.report.PublicTable;
import org.glasshouse.report.PublicTables;
import org.glasshouse.reports.model.DataTable;

/**
 * A synthetic release whose counts satisfy every relation of the model (so the model accepts it), with many small
 * counts: {@code programmes} programmes, {@code agreements} agreements dealt round the programmes, each held by one
 * of {@code partners} partners drawn at random (a partner may hold two agreements in one programme, so its total
 * only bounds them), overlap, reach by sex (4), age band (6), region (6) and priority group, priority shares, and
 * the overall total. About one agreement in {@code 1/smallAgreements} and one reach group in eight are small
 * (1 to 9 people). The same arguments always give the same release.
 */
public final class SyntheticRelease {

    public final Map<String, PublicTable> specs = new LinkedHashMap<>();
    public final Map<String, DataTable> tables = new LinkedHashMap<>();

    public SyntheticRelease(int partners, int agreements, int programmes, double smallAgreements, long seed) {
        Random rnd = new Random(seed);
        List<List<Object>> ag = new ArrayList<>();
        List<List<Object>> pg = new ArrayList<>();
        List<List<Object>> reach = new ArrayList<>();
        Map<String, Long> partnerPeople = new TreeMap<>();
        List<List<long[]>> byProgramme = new ArrayList<>();
        for (int g = 0; g < programmes; g++) byProgramme.add(new ArrayList<>());
        for (int a = 0; a < agreements; a++) {
            int g = a % programmes;
            long b = rnd.nextDouble() < smallAgreements ? 1 + rnd.nextInt(9) : 12 + rnd.nextInt(rnd.nextInt(5) == 0 ? 60 : 2000);
            long p = Math.round(b * (0.1 + 0.5 * rnd.nextDouble()));
            String partner = String.format("P%03d", rnd.nextInt(partners));
            partnerPeople.merge(partner, b, Long::sum);
            ag.add(Arrays.asList(String.format("A%04d", a), String.format("G%02d", g), partner, 100.0 * b, b, 100.0,
                    (double) p / b));
            byProgramme.get(g).add(new long[] {b, p});
        }
        long overall = 0;
        long overallPriority = 0;
        for (int g = 0; g < programmes; g++) {
            String prog = String.format("G%02d", g);
            long sum = 0, prioSum = 0, maxB = 0, maxPrio = 0, maxOther = 0;
            for (long[] bp : byProgramme.get(g)) {
                sum += bp[0];
                prioSum += bp[1];
                maxB = Math.max(maxB, bp[0]);
                maxPrio = Math.max(maxPrio, bp[1]);
                maxOther = Math.max(maxOther, bp[0] - bp[1]);
            }
            if (sum == 0) continue;
            // overlap 0 where one agreement only (Σ − total ≤ (partners − 1) × overlap)
            long overlap = byProgramme.get(g).size() < 2 ? 0 : Math.min(sum / 40, sum - maxB);
            long total = sum - overlap;
            long prioTrue = Math.min(total, Math.max(maxPrio, prioSum - overlap / 3));
            long prioFalse = Math.min(total, Math.max(total - prioTrue, maxOther));
            pg.add(Arrays.asList(prog, total, 100.0, (double) prioTrue / total, overlap));
            overall += total;
            overallPriority += prioTrue;
            reach.add(Arrays.asList(prog, "priority_group", "false", prioFalse, (double) prioFalse / total));
            reach.add(Arrays.asList(prog, "priority_group", "true", prioTrue, (double) prioTrue / total));
            for (String[] dim : new String[][] {{"sex", "4"}, {"age_band", "6"}, {"region", "6"}}) {
                int groups = Integer.parseInt(dim[1]);
                long left = total;
                for (int v = 0; v < groups && left > 0; v++) {
                    long c = v == groups - 1 ? left
                            : Math.min(left, rnd.nextInt(8) == 0 ? 1 + rnd.nextInt(9) : Math.max(1, left / (groups - v)));
                    left -= c;
                    reach.add(Arrays.asList(prog, dim[0], dim[0] + v, c, (double) c / total));
                }
            }
        }
        List<List<Object>> partnerRows = new ArrayList<>();
        partnerPeople.forEach((q, b) -> partnerRows.add(Arrays.asList(q, b, 100.0)));
        add(PublicTables.AGREEMENT_METRICS, List.of("agreement_id", "programme_id", "partner_id", "spent",
                "beneficiaries", "cost_per_beneficiary", "priority_share"), ag);
        add(PublicTables.PROGRAMME_METRICS, List.of("programme_id", "beneficiaries", "cost_per_beneficiary",
                "priority_share", "overlap"), pg);
        add(PublicTables.PARTNER_METRICS, List.of("partner_id", "beneficiaries", "cost_per_beneficiary"), partnerRows);
        add(PublicTables.REACH_BREAKDOWN, List.of("programme_id", "dimension", "value", "beneficiaries", "share"),
                reach);
        add(PublicTables.OVERALL_METRICS, List.of("as_of", "beneficiaries", "priority_share"),
                List.of(Arrays.asList("2026-09-30", overall, (double) overallPriority / overall)));
    }

    /** A public table with only the named columns filled (the rest empty). */
    private void add(PublicTable spec, List<String> columns, List<List<Object>> rows) {
        List<List<Object>> full = new ArrayList<>();
        for (List<Object> r : rows) {
            List<Object> cells = new ArrayList<>(Collections.nCopies(spec.columns().size(), null));
            for (int i = 0; i < columns.size(); i++) cells.set(spec.index(columns.get(i)), r.get(i));
            full.add(cells);
        }
        specs.put(spec.name(), spec);
        tables.put(spec.name(), new DataTable(spec.name(), spec.title(), spec.columns(), full));
    }
}
