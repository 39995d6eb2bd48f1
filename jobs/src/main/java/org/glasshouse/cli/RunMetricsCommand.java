package org.glasshouse.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.metrics.MetricCatalog;
import org.glasshouse.metrics.MetricInputs;
import org.glasshouse.metrics.MetricsRun;
import org.glasshouse.metrics.Thresholds;
import org.glasshouse.nightly.CompletedRuns;
import org.glasshouse.nightly.QualityInputsLoader;
import org.glasshouse.nightly.RunPaths;

/**
 * {@code run metrics [--programme P] [--partner Q] [--as-of D] [--out DIR]}: computes every metric table for a
 * subset from the latest completed run's curated data into {@code OUT/private/scratch/<timestamp>/<table>/}. Never
 * touches the metric history or the published site.
 */
public final class RunMetricsCommand {

    private RunMetricsCommand() {}

    public static int run(SparkSession spark, Path out, String programme, String partner, LocalDate asOf,
                          String reportingCurrency, Thresholds thresholds) throws IOException {
        RunPaths base = new RunPaths(out, "0");
        OptionalLong latest = CompletedRuns.latest(base.runsDir());
        if (latest.isEmpty()) {
            throw new UsageException("no completed run under " + out + ": run 'glasshouse nightly --out " + out + "' first");
        }
        RunPaths run = new RunPaths(out, Long.toString(latest.getAsLong()));
        MetricInputs in = MetricInputs.of(asOf, reportingCurrency, d -> spark.read().parquet(run.curated(d).toString()))
                .withThresholds(thresholds)
                .withQuality(QualityInputsLoader.load(spark, run))
                .restrictTo(programme, partner);
        if (in.agreements().isEmpty()) {
            System.err.println("No agreement matches" + (programme == null ? "" : " programme " + programme)
                    + (partner == null ? "" : " partner " + partner) + " in run " + run.runId() + ".");
            return 1;
        }
        String stamp = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        Path scratch = base.privateDir().resolve("scratch").resolve(stamp);
        long started = System.nanoTime();
        int tables = MetricsRun.run(in, MetricCatalog.all(), t -> scratch.resolve(t));
        System.out.printf("%d metric table(s) for as_of %s%s%s from run %s written to %s (%.1f s)%n", tables, asOf,
                programme == null ? "" : ", programme " + programme, partner == null ? "" : ", partner " + partner,
                run.runId(), scratch, (System.nanoTime() - started) / 1e9);
        spark.read().parquet(scratch.resolve("agreement_metrics").toString())
                .select("agreement_id", "programme_id", "partner_id", "committed", "disbursed", "spent",
                        "beneficiaries", "cost_per_beneficiary")
                .orderBy("agreement_id").show(1000, false);
        return 0;
    }
}
