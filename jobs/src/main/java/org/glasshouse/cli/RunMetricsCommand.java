package org.glasshouse.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalLong;
import org.apache.arrow.memory.RootAllocator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.metrics.MetricCatalog;
import org.glasshouse.metrics.MetricInputs;
import org.glasshouse.metrics.MetricsRun;
import org.glasshouse.metrics.Thresholds;
import org.glasshouse.nightly.CompletedRuns;
import org.glasshouse.nightly.QualityInputsLoader;
import org.glasshouse.nightly.RunPaths;
import org.glasshouse.serve.SparkArrow;
import org.glasshouse.serve.client.TableSink;

/**
 * {@code run metrics [--programme P] [--partner Q] [--as-of D] [--out DIR]}: computes every metric table for a
 * subset from the latest completed run's curated data into {@code OUT/private/scratch/<timestamp>/<table>/} (on
 * the curated store when glasshouse.storage.curated-uri names one). Never touches the metric history or the
 * published site. Runs in serve's warm session when serve is running (RunMetricsAction), else here; the output is
 * the same text either way.
 */
public final class RunMetricsCommand {

    /** What the command prints: exit code, standard output, standard error. */
    public record Outcome(int exitCode, String out, String err) {}

    private static final int PREVIEW_ROWS = 1000;

    private RunMetricsCommand() {}

    public static int run(SparkSession spark, Path out, String programme, String partner, LocalDate asOf,
                          String reportingCurrency, Thresholds thresholds) throws IOException {
        Outcome o = compute(spark, out, programme, partner, asOf, reportingCurrency, thresholds);
        System.out.print(o.out());
        System.err.print(o.err());
        return o.exitCode();
    }

    public static Outcome compute(SparkSession spark, Path out, String programme, String partner, LocalDate asOf,
                                  String reportingCurrency, Thresholds thresholds) throws IOException {
        RunPaths base = new RunPaths(out, "0");
        OptionalLong latest = CompletedRuns.latest(base.runsDir());
        if (latest.isEmpty()) {
            throw new UsageException("no completed run under " + out + ": run 'glasshouse nightly --out " + out + "' first");
        }
        RunPaths run = new RunPaths(out, Long.toString(latest.getAsLong()), null, null,
                org.glasshouse.storage.HadoopStores.curatedStore());
        MetricInputs in = MetricInputs.of(asOf, reportingCurrency, d -> spark.read().parquet(run.curated(d).sparkPath()))
                .withThresholds(thresholds)
                .withQuality(QualityInputsLoader.load(spark, run))
                .restrictTo(programme, partner);
        if (in.agreements().isEmpty()) {
            return new Outcome(1, "", "No agreement matches" + (programme == null ? "" : " programme " + programme)
                    + (partner == null ? "" : " partner " + partner) + " in run " + run.runId() + ".\n");
        }
        String stamp = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        // Beside the curated data: on its store when curated-uri names one (executors write the tables).
        org.glasshouse.storage.Location scratch = run.curatedRoot().resolve("scratch", stamp);
        long started = System.nanoTime();
        int tables = MetricsRun.run(in, MetricCatalog.all(), t -> scratch.resolve(t));
        String summary = String.format(Locale.ROOT, "%d metric table(s) for as_of %s%s%s from run %s written to %s "
                        + "(%.1f s)%n", tables, asOf, programme == null ? "" : ", programme " + programme,
                partner == null ? "" : ", partner " + partner, run.runId(),
                scratch.local().map(Object::toString).orElse(scratch.toString()),
                (System.nanoTime() - started) / 1e9);
        Dataset<Row> preview = spark.read().parquet(scratch.resolve("agreement_metrics").sparkPath())
                .select("agreement_id", "programme_id", "partner_id", "committed", "disbursed", "spent",
                        "beneficiaries", "cost_per_beneficiary")
                .orderBy("agreement_id").limit(PREVIEW_ROWS + 1);
        return new Outcome(0, summary + table(preview), "");
    }

    private static String table(Dataset<Row> rows) {
        TableSink sink = new TableSink(PREVIEW_ROWS);
        try (RootAllocator allocator = new RootAllocator()) {
            SparkArrow.stream(rows, allocator, sink);
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        sink.print(new PrintStream(text, true, StandardCharsets.UTF_8));
        return text.toString(StandardCharsets.UTF_8);
    }
}
