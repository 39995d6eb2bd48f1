package org.glasshouse.ops;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;

/**
 * Progress of a long step on the console: once a step has run {@code after}, one line every {@code interval} with
 * its elapsed time and the Spark work done in it (jobs, tasks, rows read, and tasks done of total for each stage
 * running now). Short steps print nothing; a long one prints a few calm lines.
 */
public final class StepProgress implements StepExecutionListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StepProgress.class);

    private final Duration after;
    private final Duration interval;
    private final Consumer<String> out;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "glasshouse-progress");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Running> steps = new ConcurrentHashMap<>();

    public StepProgress(ProgressProperties settings) {
        this(settings, log::info);
    }

    StepProgress(ProgressProperties settings, Consumer<String> out) {
        this.after = settings.after();
        this.interval = settings.interval();
        this.out = out;
    }

    @Override
    public void beforeStep(StepExecution step) {
        Running r = new Running(step.getStepName(), System.nanoTime(), spark().snapshot());
        r.ticker = timer.scheduleAtFixedRate(() -> report(r), after.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        Running previous = steps.put(step.getId(), r);
        if (previous != null) previous.ticker.cancel(false);
        log.debug("Step {} started", step.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        Running r = steps.remove(step.getId());
        if (r != null) r.ticker.cancel(false);
        return null;
    }

    private void report(Running r) {
        try {
            out.accept(line(r.step, Duration.ofNanos(System.nanoTime() - r.started), spark().snapshot().since(r.base)));
        } catch (RuntimeException e) {
            log.debug("progress line failed", e);
        }
    }

    static String line(String step, Duration elapsed, SparkProgress.Snapshot work) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s: running for %s", step, human(elapsed)));
        if (!work.running().isEmpty()) {
            long done = work.running().stream().mapToLong(SparkProgress.StageProgress::tasksDone).sum();
            long total = work.running().stream().mapToLong(SparkProgress.StageProgress::tasks).sum();
            b.append(String.format(Locale.ROOT, "; %d Spark stage%s running: %,d of %,d tasks done",
                    work.running().size(), work.running().size() == 1 ? "" : "s", done, total));
        }
        if (work.jobsDone() > 0 || work.tasksDone() > 0) {
            b.append(String.format(Locale.ROOT, "; %,d Spark jobs done in this step (%,d tasks", work.jobsDone(),
                    work.tasksDone()));
            if (work.rowsRead() > 0) b.append(String.format(Locale.ROOT, ", %,d rows read", work.rowsRead()));
            b.append(')');
        }
        return b.toString();
    }

    /** The Spark listener of the session in use, once a step has started one; steps without Spark show time only. */
    private static SparkProgress spark() {
        var session = SparkSession.getDefaultSession();
        if (session.isEmpty() || session.get().sparkContext().isStopped()) return EMPTY;
        return SparkProgress.attach(session.get().sparkContext());
    }

    private static final SparkProgress EMPTY = new SparkProgress();

    static String human(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static final class Running {
        final String step;
        final long started;
        final SparkProgress.Snapshot base;
        volatile ScheduledFuture<?> ticker;

        Running(String step, long started, SparkProgress.Snapshot base) {
            this.step = step;
            this.started = started;
            this.base = base;
        }
    }
}
