package org.glasshouse.schedule;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import org.glasshouse.cli.JobRuns;
import org.glasshouse.cli.NightlyCommand;
import org.glasshouse.cli.RestartCommand;
import org.glasshouse.nightly.NightlyJobConfig;
import org.glasshouse.nightly.NightlyParameters;
import org.glasshouse.ops.GracefulStop;
import org.glasshouse.ops.MetricsEndpoint;
import org.glasshouse.ops.MonitoringProperties;
import org.glasshouse.ops.OpsMetrics;
import org.glasshouse.ops.RunFigures;
import org.glasshouse.ops.RunFiguresCollector;
import org.glasshouse.ops.RunMetricsListener;
import org.glasshouse.ops.SiteAgeLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * {@code schedule [--input DIR] [--out DIR]}: runs the nightly on {@code glasshouse.schedule.cron} until SIGTERM.
 * Each fire opens a fresh application context (job repository, Spark) and closes it after the run, exactly like a
 * one-shot {@code nightly}, so between runs the process holds no database file, Spark or memory, and the other
 * commands ({@code status}, {@code restart}) work beside it. What a fire does is {@link FireDecision}'s call.
 */
public final class ScheduleCommand {

    private static final Logger log = LoggerFactory.getLogger(ScheduleCommand.class);

    /** Opens the application context for one fire (without a JVM shutdown hook: SIGTERM is handled here). */
    @FunctionalInterface
    public interface Contexts {
        ConfigurableApplicationContext open();
    }

    private final Contexts contexts;
    private final Path bundledSample;
    private final Path input;
    private final Path out;
    private final Clock clock;
    private final GracefulStop stop;
    /** Held while a fire runs: a stop waits for it, and a fire never starts during a stop. */
    private final Semaphore firing = new Semaphore(1);
    private volatile boolean held;
    private ScheduleProperties schedule;
    private OpsMetrics metrics;

    public ScheduleCommand(Contexts contexts, Path input, Path out, Path bundledSample, Clock clock,
                           GracefulStop stop) {
        this.contexts = contexts;
        this.input = input;
        this.bundledSample = bundledSample;
        this.out = out.toAbsolutePath().normalize();
        this.clock = clock;
        this.stop = stop;
    }

    public int run() throws Exception {
        MonitoringProperties monitoring;
        RunFigures previous;
        try (ConfigurableApplicationContext ctx = contexts.open()) {
            schedule = ctx.getBean(ScheduleProperties.class);
            monitoring = ctx.getBean(MonitoringProperties.class);
            previous = newestFigures(ctx.getBean(JobExplorer.class));
        }
        stop.install(schedule.stopGrace());
        NightlyTrigger trigger = new NightlyTrigger(schedule.cronExpression(), schedule.zoneId(), clock);
        metrics = new OpsMetrics(out, SiteAgeLimit.of(schedule.cronExpression(), schedule.zoneId(),
                monitoring.siteAgeGrace(), clock.instant()), clock);
        if (previous != null) metrics.update(previous);
        metrics.watchSchedule(trigger::nextRun, () -> held);
        MetricsEndpoint endpoint = monitoring.port() < 0 ? null
                : MetricsEndpoint.start(monitoring.host(), monitoring.port(), metrics::scrape);
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1); // one run at a time, by construction
        scheduler.setThreadNamePrefix("glasshouse-schedule-");
        scheduler.setErrorHandler(t -> log.error("Scheduled run failed: {}", t.toString(), t));
        scheduler.initialize();
        try {
            log.info("Scheduler started for {} (input {}): cron '{}' in time zone {}{}; SIGTERM stops it at a safe "
                            + "point", out, input, schedule.cron(), schedule.zoneId(),
                    endpoint == null ? "" : "; metrics at " + endpoint.url());
            ScheduledFuture<?> future = scheduler.schedule(this::fire, trigger);
            stop.await();
            if (future != null) future.cancel(false);
            if (!firing.tryAcquire()) {
                log.info("Waiting for the run in progress to reach a safe point (the end of its current step)");
                firing.acquire();
            }
            log.info("Scheduler stopped");
            return 0;
        } finally {
            scheduler.shutdown();
            if (endpoint != null) endpoint.close();
        }
    }

    private void fire() {
        if (stop.requested() || !firing.tryAcquire()) return;
        try {
            if (stop.requested()) return;
            LocalDate today = LocalDate.now(clock.withZone(schedule.zoneId()));
            // The run lock before the job repository, as for a nightly from the command line: a run started by
            // hand meanwhile is never disturbed, and this fire is skipped instead.
            int code = JobRuns.exclusively(out, () -> fireLocked(today));
            if (code == JobRuns.BUSY) {
                log.warn("Another Glasshouse run holds the lock on {}; this scheduled run is skipped so the two never "
                        + "overlap", out);
            }
        } catch (org.glasshouse.ops.RunLockBusy e) {
            log.warn("This scheduled run is skipped: {}", e.getMessage());
        } catch (Exception e) {
            log.error("The scheduled run could not start: {}", e.toString(), e);
        } finally {
            firing.release();
        }
    }

    /** One fire, holding the run and repository locks. */
    private int fireLocked(LocalDate today) throws Exception {
        try (ConfigurableApplicationContext ctx = contexts.open();
             var databaseLock = org.glasshouse.ops.RunLocks.acquireIfDatabase(ctx)) {
            JobExplorer explorer = ctx.getBean(JobExplorer.class);
            FireDecision d = FireDecision.decide(newestExecutions(explorer), schedule.maxRestarts());
            held = d.action() == FireDecision.Action.HOLD;
            int code = switch (d.action()) {
                case HOLD -> {
                    log.error("Scheduled run not started: {}. An operator must act: fix the cause, then "
                            + "'glasshouse restart --out {}' resumes the run, or 'glasshouse nightly' starts a "
                            + "new one; the scheduler carries on from there.", d.message(), out);
                    yield -1;
                }
                case RESTART -> {
                    log.info("Scheduled run: {}", d.message());
                    int c = RestartCommand.run(ctx, out, bundledSample);
                    if (c == 0 && d.asOf().isBefore(today) && !stop.requested()) {
                        log.info("Run {} is complete; now the nightly run as of {}", d.runId(), today);
                        c = NightlyCommand.run(ctx, input, out, today);
                    }
                    yield c;
                }
                case NEW -> {
                    log.info("Scheduled run: nightly as of {}", today);
                    yield NightlyCommand.run(ctx, input, out, today);
                }
            };
            RunFigures f = ctx.getBean(RunMetricsListener.class).last();
            if (f != null) metrics.update(f);
            if (code > 0) explainOutcome(explorer);
            return code;
        }
    }

    /** After a run that did not complete: what the next fire will do about it. */
    private void explainOutcome(JobExplorer explorer) {
        FireDecision next = FireDecision.decide(newestExecutions(explorer), schedule.maxRestarts());
        switch (next.action()) {
            case RESTART -> log.warn("The next scheduled run resumes it: {}", next.message());
            case HOLD -> {
                held = true;
                log.error("Left for an operator: {}. Fix the cause, then 'glasshouse restart --out {}'; until then "
                        + "the scheduler starts no new run.", next.message(), out);
            }
            case NEW -> { }
        }
    }

    /** Every execution of the newest nightly run, oldest first. */
    static List<JobExecution> newestExecutions(JobExplorer explorer) {
        List<JobInstance> newest = explorer.getJobInstances(NightlyJobConfig.JOB_NAME, 0, 1);
        if (newest.isEmpty()) return List.of();
        List<JobExecution> executions = new ArrayList<>(explorer.getJobExecutions(newest.get(0)));
        executions.sort(Comparator.comparing(JobExecution::getId));
        return executions;
    }

    /** The figures of the newest run on this output folder, so the endpoint has them before the first fire. */
    private RunFigures newestFigures(JobExplorer explorer) {
        List<JobExecution> executions = newestExecutions(explorer);
        if (executions.isEmpty()) return null;
        JobExecution latest = executions.get(executions.size() - 1);
        if (!out.toString().equals(latest.getJobParameters().getString(NightlyParameters.OUT))
                || latest.getStatus().isRunning()) {
            return null;
        }
        try {
            return new RunFiguresCollector(explorer).collect(latest);
        } catch (Exception e) {
            log.warn("Could not read the figures of run {}: {}", latest.getJobParameters()
                    .getLong(NightlyParameters.RUN_ID), e.toString());
            return null;
        }
    }

}
