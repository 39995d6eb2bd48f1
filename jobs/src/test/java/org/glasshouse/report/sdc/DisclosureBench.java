package org.glasshouse.report.sdc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.glasshouse.report.DisclosureControl;
import org.glasshouse.report.PublicTable;
import org.glasshouse.report.PublicTables;
import org.glasshouse.report.ReleaseRelations;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark harness, not a unit test: runs the report step's disclosure control on the metric tables of a finished
 * run and prints the pattern and the audit (docs/benchmarks.md). Run with
 * {@code -Dtest=DisclosureBench -Dglasshouse.sdc.metrics=OUT/private/metrics -Dglasshouse.sdc.as-of=2026-09-30}
 * ({@code -Dglasshouse.sdc.search-limit=N} to change the search, {@code -Dglasshouse.sdc.trace=true} to follow it).
 */
class DisclosureBench {

    @Test
    @EnabledIfSystemProperty(named = "glasshouse.sdc.metrics", matches = ".+")
    void protectAFinishedRun() {
        Path metrics = Path.of(System.getProperty("glasshouse.sdc.metrics"));
        String asOf = System.getProperty("glasshouse.sdc.as-of", "2026-09-30");
        Map<String, PublicTable> specs = new LinkedHashMap<>();
        Map<String, DataTable> tables = new LinkedHashMap<>();
        for (PublicTable spec : PublicTables.all()) {
            Path dir = metrics.resolve(spec.name()).resolve("as_of=" + asOf);
            if (!Files.isDirectory(dir)) continue;
            Path run;
            try (var s = Files.list(dir)) {
                run = s.sorted().reduce((a, b) -> b).orElseThrow();
            } catch (java.io.IOException e) {
                throw new RuntimeException(e);
            }
            specs.put(spec.name(), spec);
            tables.put(spec.name(), spec.fromRows(SharedSpark.get().read().parquet(run.toString())
                    .orderBy(spec.orderBy().stream().map(functions::col).toArray(Column[]::new)).collectAsList()));
        }
        run(specs, tables);
    }

    /**
     * A synthetic release of hundreds of cells with consistent counts: G programmes of A agreements (partners hold one
     * agreement in each of three programmes), overlap, reach by 4 dimensions with small groups, priority shares, a
     * few small agreements. {@code -Dglasshouse.sdc.synthetic=G,A}.
     */
    @Test
    @EnabledIfSystemProperty(named = "glasshouse.sdc.synthetic", matches = ".+")
    void protectASyntheticReleaseOfHundredsOfCells() {
        String[] ga = System.getProperty("glasshouse.sdc.synthetic").split(",");
        int programmes = Integer.parseInt(ga[0]);
        int perProgramme = Integer.parseInt(ga[1]);
        java.util.Random rnd = new java.util.Random(7);
        List<List<Object>> ag = new java.util.ArrayList<>();
        List<List<Object>> pg = new java.util.ArrayList<>();
        List<List<Object>> reach = new java.util.ArrayList<>();
        Map<String, Long> partnerPeople = new java.util.TreeMap<>();
        long overall = 0;
        long overallPriority = 0;
        int n = 0;
        for (int g = 0; g < programmes; g++) {
            String prog = String.format("G%02d", g);
            long sum = 0;
            long prioSum = 0;
            long maxPrio = 0;
            long sumOther = 0;
            for (int a = 0; a < perProgramme; a++) {
                long b = rnd.nextInt(25) == 0 ? 1 + rnd.nextInt(9) : 50 + rnd.nextInt(2000);
                long p = Math.round(b * 0.3);
                String partner = String.format("P%03d", (g / 3) * perProgramme + a);
                partnerPeople.merge(partner, b, Long::sum);
                ag.add(java.util.Arrays.asList(String.format("A%04d", n++), prog, partner, 1000.0 * b, b,
                        1000.0, (double) p / b));
                sum += b;
                prioSum += p;
                maxPrio = Math.max(maxPrio, p);
                sumOther += b - p;
            }
            long overlap = sum / 50;
            long total = sum - overlap;
            long prioTrue = Math.max(maxPrio, prioSum - overlap / 3);
            long prioFalse = total - prioTrue;
            pg.add(java.util.Arrays.asList(prog, total, 1.0, (double) prioTrue / total, overlap));
            overall += total;
            overallPriority += prioTrue;
            reach.add(java.util.Arrays.asList(prog, "priority_group", "false", prioFalse, 0.0));
            reach.add(java.util.Arrays.asList(prog, "priority_group", "true", prioTrue, 0.0));
            for (String[] dim : new String[][] {{"sex", "4"}, {"age_band", "6"}, {"region", "6"}}) {
                int groups = Integer.parseInt(dim[1]);
                long left = total;
                for (int v = 0; v < groups; v++) {
                    long c = v == groups - 1 ? left : rnd.nextInt(12) == 0 ? 1 + rnd.nextInt(9) : left / (groups - v);
                    left -= c;
                    reach.add(java.util.Arrays.asList(prog, dim[0], dim[0] + v, c, 0.0));
                }
            }
        }
        List<List<Object>> partners = new java.util.ArrayList<>();
        partnerPeople.forEach((q, b) -> partners.add(java.util.Arrays.asList(q, b, 1.0)));
        Map<String, PublicTable> specs = new LinkedHashMap<>();
        Map<String, DataTable> tables = new LinkedHashMap<>();
        add(specs, tables, PublicTables.AGREEMENT_METRICS, List.of("agreement_id", "programme_id", "partner_id",
                "spent", "beneficiaries", "cost_per_beneficiary", "priority_share"), ag);
        add(specs, tables, PublicTables.PROGRAMME_METRICS, List.of("programme_id", "beneficiaries",
                "cost_per_beneficiary", "priority_share", "overlap"), pg);
        add(specs, tables, PublicTables.PARTNER_METRICS, List.of("partner_id", "beneficiaries",
                "cost_per_beneficiary"), partners);
        add(specs, tables, PublicTables.REACH_BREAKDOWN, List.of("programme_id", "dimension", "value",
                "beneficiaries", "share"), reach);
        add(specs, tables, PublicTables.OVERALL_METRICS, List.of("as_of", "beneficiaries", "priority_share"),
                List.of(java.util.Arrays.asList("2026-09-30", overall, (double) overallPriority / overall)));
        run(specs, tables);
    }

    /**
     * A synthetic release of many partners, agreements and programmes with many small counts
     * ({@link SyntheticRelease}): {@code -Dglasshouse.sdc.release=PARTNERS,AGREEMENTS,PROGRAMMES[,SMALL_SHARE[,SEED]]},
     * e.g. 50,200,20. Prints the time of each phase (model, required protection, search, audit).
     */
    @Test
    @EnabledIfSystemProperty(named = "glasshouse.sdc.release", matches = ".+")
    void protectALargeSyntheticRelease() {
        String[] a = System.getProperty("glasshouse.sdc.release").split(",");
        SyntheticRelease r = new SyntheticRelease(Integer.parseInt(a[0]), Integer.parseInt(a[1]), Integer.parseInt(a[2]),
                a.length > 3 ? Double.parseDouble(a[3]) : 0.15, a.length > 4 ? Long.parseLong(a[4]) : 7);
        phases(r.specs, r.tables);
    }

    /** Each phase of the report step's disclosure control on its own, timed (wall and this thread's CPU). */
    private static void phases(Map<String, PublicTable> specs, Map<String, DataTable> tables) {
        Integer limit = Integer.getInteger("glasshouse.sdc.search-limit");
        DisclosureControl sdc = new DisclosureControl(10, new DisclosureSettings(null, null, limit));
        Clock clock = new Clock();
        ProtectionProblem problem = sdc.model(specs, tables, ReleaseRelations.all());
        clock.lap("model");
        Map<String, Protection> required = RequiredProtection.of(problem);
        clock.lap("required protection");
        SecondarySuppression.Result res = new SecondarySuppression(problem, required,
                SecondarySuppression.Cost.PEOPLE, limit == null ? SecondarySuppression.DEFAULT_SEARCH_LIMIT : limit).solve();
        clock.lap("search (" + res.search() + ", " + res.iterations() + " masters)");
        Auditor.Findings f = Auditor.audit(problem, required, res.pattern(), List.of());
        clock.lap("audit");
        long people = res.pattern().secondary().stream().map(problem::cell)
                .filter(c -> c.kind() == Cell.Kind.COUNT).mapToLong(Cell::value).sum();
        System.out.printf("cells %d, relations %d, primary %d, secondary %d (%d people), audit passed %s, narrowest %s %s%n",
                problem.cells().size(), problem.relations().size(), res.pattern().primary().size(),
                res.pattern().secondary().size(), people, f.passed(), f.narrowestCell(), f.narrowest());
        System.out.println("phases: " + clock);
    }

    /** Wall and CPU time of successive phases. */
    private static final class Clock {
        private final java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        private long wall = System.nanoTime();
        private long cpu = mx.getCurrentThreadCpuTime();
        private final StringBuilder out = new StringBuilder();

        void lap(String name) {
            long w = System.nanoTime();
            long c = mx.getCurrentThreadCpuTime();
            out.append(String.format("%s %.2f s wall %.2f s cpu; ", name, (w - wall) / 1e9, (c - cpu) / 1e9));
            System.out.printf("  %s: %.2f s wall, %.2f s cpu%n", name, (w - wall) / 1e9, (c - cpu) / 1e9);
            wall = w;
            cpu = c;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    /** A public table with only the named columns filled (the rest empty). */
    private static void add(Map<String, PublicTable> specs, Map<String, DataTable> tables, PublicTable spec,
                            List<String> columns, List<List<Object>> rows) {
        List<List<Object>> full = new java.util.ArrayList<>();
        for (List<Object> r : rows) {
            List<Object> cells = new java.util.ArrayList<>(java.util.Collections.nCopies(spec.columns().size(), null));
            for (int i = 0; i < columns.size(); i++) cells.set(spec.index(columns.get(i)), r.get(i));
            full.add(cells);
        }
        specs.put(spec.name(), spec);
        tables.put(spec.name(), new DataTable(spec.name(), spec.title(), spec.columns(), full));
    }

    private static void run(Map<String, PublicTable> specs, Map<String, DataTable> tables) {
        long t0 = System.nanoTime();
        // -Dglasshouse.sdc.search-limit=N: linear programs per master (0: the last resort only)
        Integer limit = Integer.getInteger("glasshouse.sdc.search-limit");
        DisclosureControl sdc = new DisclosureControl(10, new DisclosureSettings(null, null, limit));
        ProtectionProblem problem = sdc.model(specs, tables, ReleaseRelations.all());
        long t1 = System.nanoTime();
        DisclosureControl.Outcome out = sdc.protect(specs, tables, ReleaseRelations.all());
        long t2 = System.nanoTime();
        System.out.printf("cells %d (count %d), relations %d, derived figures %d, model %.0f ms, protect+audit %.0f ms%n",
                problem.cells().size(), problem.cells().values().stream().filter(c -> c.kind() == Cell.Kind.COUNT).count(),
                problem.relations().size(), problem.derived().size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        for (String id : out.pattern().primary()) System.out.println("primary   " + id + " = " + problem.cell(id).value());
        for (String id : out.pattern().secondary()) System.out.println("secondary " + id + " = " + problem.cell(id).value());
        DisclosureAudit a = out.audit();
        System.out.println("people in secondary COUNT cells: " + a.peopleHidden() + " shown " + a.peopleHiddenShown()
                + ", search " + a.search() + ", solver " + a.millis() + " ms");
        for (DisclosureAudit.CellAudit c : a.cells()) System.out.println("audit " + c);
        System.out.println("narrowest " + a.narrowestCell() + " " + a.narrowest());
        if (Boolean.getBoolean("glasshouse.sdc.cells")) problem.cells().values().forEach(c -> System.out.println(c.id() + " = " + c.value()));
        System.out.println(a.publicSummary());
    }
}
