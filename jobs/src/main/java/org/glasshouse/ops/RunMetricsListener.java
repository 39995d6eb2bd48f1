package org.glasshouse.ops;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;

/**
 * At the end of every nightly run, successful or not, gathers its figures and rewrites the metrics file for the
 * node exporter's textfile collector. Never fails the run: a monitoring problem is logged, not published.
 */
public final class RunMetricsListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunMetricsListener.class);

    private final RunFiguresCollector collector;
    private final String metricsFile;
    private final Supplier<Duration> maxSiteAge;
    private final Clock clock;
    private volatile RunFigures last;

    public RunMetricsListener(RunFiguresCollector collector, String metricsFile, Supplier<Duration> maxSiteAge,
                              Clock clock) {
        this.collector = collector;
        this.metricsFile = metricsFile;
        this.maxSiteAge = maxSiteAge;
        this.clock = clock;
    }

    @Override
    public void afterJob(JobExecution job) {
        try {
            RunFigures f = collector.collect(job);
            last = f;
            if (metricsFile != null && !metricsFile.isBlank()) {
                OpsMetrics metrics = new OpsMetrics(Path.of(job.getJobParameters().getString(org.glasshouse.nightly.NightlyParameters.OUT)), maxSiteAge.get(),
                        clock);
                metrics.update(f);
                MetricsFile.write(Path.of(metricsFile), metrics.scrape());
                log.debug("Metrics written to {}", metricsFile);
            }
        } catch (Exception e) {
            log.warn("Could not export the run's metrics: {}", e.toString(), e);
        }
    }

    /** The figures of the newest run that ended in this context, or null. */
    public RunFigures last() {
        return last;
    }
}
