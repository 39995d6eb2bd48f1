package org.glasshouse.serve;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.cli.CliOptions;
import org.glasshouse.cli.NightlyCommand;
import org.glasshouse.cli.RunMetricsCommand;
import org.glasshouse.cli.UsageException;
import org.glasshouse.metrics.Thresholds;

/**
 * {@code run metrics} inside serve (Flight action glasshouse.run-metrics): the same computation as the local
 * command, in the warm session, one at a time. The answer is three results: exit code, standard output, standard
 * error, so the client prints exactly what the local command would.
 */
public final class RunMetricsAction {

    private final SparkSession spark;
    private final Path out;
    private final String reportingCurrency;
    private final Thresholds thresholds;

    public RunMetricsAction(SparkSession spark, Path out, String reportingCurrency, Thresholds thresholds) {
        this.spark = spark;
        this.out = out;
        this.reportingCurrency = reportingCurrency;
        this.thresholds = thresholds;
    }

    public synchronized List<String> run(byte[] body) {
        Properties request = new Properties();
        try {
            request.load(new StringReader(new String(body, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return List.of("2", "", "glasshouse: unreadable run metrics request\n");
        }
        try {
            Map<String, String> options = new HashMap<>();
            request.stringPropertyNames().forEach(k -> options.put(k, request.getProperty(k)));
            LocalDate asOf = NightlyCommand.asOf(new CliOptions(options, List.of(), List.of()));
            RunMetricsCommand.Outcome o = RunMetricsCommand.compute(spark, out, request.getProperty("programme"),
                    request.getProperty("partner"), asOf, reportingCurrency, thresholds);
            return List.of(Integer.toString(o.exitCode()), o.out(), o.err());
        } catch (UsageException e) {
            return List.of("2", "", "glasshouse: " + e.getMessage() + "\n");
        } catch (RuntimeException | IOException e) {
            return List.of("1", "", "glasshouse: " + QueryErrors.failed(e).getMessage() + "\n");
        }
    }
}
