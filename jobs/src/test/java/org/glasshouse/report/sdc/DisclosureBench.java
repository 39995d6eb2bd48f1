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
 * {@code -Dtest=DisclosureBench -Dglasshouse.sdc.metrics=OUT/private/metrics -Dglasshouse.sdc.as-of=2026-09-30}.
 */
@EnabledIfSystemProperty(named = "glasshouse.sdc.metrics", matches = ".+")
class DisclosureBench {

    @Test
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
        long t0 = System.nanoTime();
        DisclosureControl sdc = new DisclosureControl(10);
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
                + ", optimal " + a.optimal() + ", solver " + a.millis() + " ms");
        for (DisclosureAudit.CellAudit c : a.cells()) System.out.println("audit " + c);
        System.out.println("narrowest " + a.narrowestCell() + " " + a.narrowest());
        if (Boolean.getBoolean("glasshouse.sdc.cells")) problem.cells().values().forEach(c -> System.out.println(c.id() + " = " + c.value()));
        System.out.println(a.publicSummary());
    }
}
