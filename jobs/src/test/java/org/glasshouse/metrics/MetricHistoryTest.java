package org.glasshouse.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.cli.AnalystViews;
import org.glasshouse.cli.RunMetricsCommand;
import org.glasshouse.cli.SqlCommand;
import org.glasshouse.serve.LocalQueries;
import org.glasshouse.cli.UsageException;
import org.glasshouse.nightly.CompletedRuns;
import org.glasshouse.nightly.RunPaths;
import org.glasshouse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History keyed by as-of and run: a past as-of recomputes what was known then; trends read the latest good run. */
class MetricHistoryTest {

    @TempDir
    Path out;

    @Test
    void pastAsOfRecomputesWhatWasKnownThen() {
        // By 2026-03-31 A1 had only T1 (600) disbursed: the refund (April) and T7 (May) had not happened yet.
        Row a1 = GoldenFixture.byKey(new AgreementMetrics().compute(GoldenFixture.inputs(LocalDate.parse("2026-03-31"))),
                "agreement_id").get("A1");
        GoldenFixture.near(600.0, a1, "disbursed");
        GoldenFixture.near(500.0, a1, "spent");
        GoldenFixture.near(89.0 / 364, a1, "elapsed");
        // Results: 2026-03 has ended by 2026-03-31, so it is the latest period; only 3 periods known.
        Row r = GoldenFixture.byKey(new IndicatorResults().compute(GoldenFixture.inputs(LocalDate.parse("2026-03-31"))),
                "agreement_id", "indicator_id").get("A2|I1");
        GoldenFixture.same("2026-Q1", r, "period");
    }

    @Test
    void latestPerAsOfKeepsTheLatestAcceptedRunAndViewsAreQueryable() throws Exception {
        SparkSession spark = SharedSpark.get();
        // Run 1 and 2: as_of 2026-03-31 and 2026-06-30; run 3 recomputes 2026-06-30 but failed.
        write(1, "2026-03-31", "COMPLETED");
        write(2, "2026-06-30", "COMPLETED");
        write(3, "2026-06-30", "FAILED");
        TreeSet<Long> ok = CompletedRuns.ids(new RunPaths(out, "0").runsDir());
        assertEquals(Set.of(1L, 2L), ok);
        MetricHistory history = new MetricHistory(spark, new RunPaths(out, "0").history(), ok::contains);
        assertEquals(List.of("programme_metrics"), history.tables());
        List<Row> p1 = history.latestPerAsOf("programme_metrics").filter("programme_id = 'P1'").collectAsList();
        assertEquals(2, p1.size());
        assertEquals("2026-03-31", p1.get(0).getAs("as_of").toString());
        assertEquals(1L, (long) p1.get(0).getAs("run_id"));
        assertEquals(600.0 + 1500, p1.get(0).<Double>getAs("disbursed"), 1e-9);
        assertEquals(2L, (long) p1.get(1).getAs("run_id"));
        assertEquals(2700.0, p1.get(1).<Double>getAs("disbursed"), 1e-9);
        assertEquals(4, history.all("programme_metrics").count()); // run 3 is not accepted

        List<String> views = AnalystViews.register(spark, out);
        assertEquals(List.of("curated_agreements", "metrics_programme_metrics", "latest_programme_metrics"), views);
        Path csv = out.resolve("trend.csv");
        try (LocalQueries q = LocalQueries.open(spark, out)) {
            assertEquals(0, SqlCommand.query(q, "SELECT as_of, programme_id, spent FROM latest_programme_metrics "
                    + "WHERE programme_id = 'P1' ORDER BY as_of", csv, 10, System.out, System.err));
            assertEquals(List.of("as_of,programme_id,spent", "2026-03-31,P1,1700.0", "2026-06-30,P1,2200.0"),
                    Files.readAllLines(csv));
            assertEquals(1, SqlCommand.query(q, "SELECT nope FROM latest_programme_metrics", null, 10, System.out,
                    System.err));
        }
    }

    @Test
    void runMetricsForASubsetWritesToScratchOnly() throws Exception {
        SparkSession spark = SharedSpark.get();
        RunPaths run = new RunPaths(out, "1");
        for (String d : List.of("partners", "programmes", "agreements", "indicators", "fx_rates", "transactions",
                "services", "results", "outcome_measurements")) {
            GoldenFixture.table(d).write().parquet(run.curated(d).toString());
        }
        Files.writeString(run.summaryFile(), "{\"run_id\":\"1\",\"status\":\"COMPLETED\"}");
        assertEquals(0, RunMetricsCommand.run(spark, out, "P1", "PB", GoldenFixture.AS_OF, "USD",
                Thresholds.DEFAULTS));
        Path scratch;
        try (var s = Files.list(run.privateDir().resolve("scratch"))) {
            scratch = s.findFirst().orElseThrow();
        }
        Row a2 = spark.read().parquet(scratch.resolve("agreement_metrics").toString()).collectAsList().get(0);
        assertEquals("A2", a2.getAs("agreement_id"));
        Row p1 = spark.read().parquet(scratch.resolve("programme_metrics").toString()).collectAsList().get(0);
        assertEquals(3L, (long) p1.getAs("beneficiaries")); // only PB's people: b2, b4, b5
        assertEquals(1700.0, p1.<Double>getAs("spent"), 1e-9);
        assertEquals(false, Files.exists(run.history().local().orElseThrow()), "the metric history must not be touched");
        assertEquals(false, Files.exists(run.site()), "the site must not be touched");
        assertEquals(1, RunMetricsCommand.run(spark, out, "P9", null, GoldenFixture.AS_OF, "USD",
                Thresholds.DEFAULTS));
    }

    @Test
    void noCompletedRunIsAUsageError() {
        assertThrows(UsageException.class, () -> AnalystViews.register(SharedSpark.get(), out));
    }

    private void write(long run, String asOf, String status) throws Exception {
        RunPaths paths = new RunPaths(out, Long.toString(run));
        new ProgrammeMetrics().compute(GoldenFixture.inputs(LocalDate.parse(asOf))).write()
                .parquet(paths.metricPartition("programme_metrics", asOf).toString());
        GoldenFixture.table("agreements").write().parquet(paths.curated("agreements").toString());
        Files.writeString(paths.summaryFile(), "{\"run_id\":\"" + run + "\",\"status\":\"" + status + "\"}");
    }
}
