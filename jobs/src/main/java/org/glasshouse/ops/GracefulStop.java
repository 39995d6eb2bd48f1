package org.glasshouse.ops;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM (and Ctrl-C) stop a run at a safe point instead of killing it: the step in progress finishes, the next
 * step is not started (StopAtStepBoundary), the run ends STOPPED and {@code restart} resumes it where it stopped.
 * If the step is still going after the grace period, its Spark jobs are cancelled: the step fails and a restart
 * repeats it. A second signal exits at once; the run is then marked failed at the next start and resumed too.
 * <p>
 * A signal handler rather than a shutdown hook: on a shutdown hook the JVM would already be stopping Spark and the
 * Spring context under the running step. sun.misc.Signal is the JDK's supported way to handle a signal (module
 * jdk.unsupported, exported), and what Spark itself uses.
 */
public final class GracefulStop {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);
    private static final GracefulStop PROCESS = new GracefulStop();

    private final CountDownLatch requested = new CountDownLatch(1);
    private final AtomicInteger signals = new AtomicInteger();
    private volatile boolean installed;
    private volatile Duration grace = Duration.ofMinutes(10);

    GracefulStop() {}

    /** The one instance of this process (signals are process-wide). */
    public static GracefulStop process() {
        return PROCESS;
    }

    /** Handles SIGTERM and SIGINT from now on. */
    public synchronized void install(Duration grace) {
        this.grace = grace;
        if (installed) return;
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), s -> onSignal("SIG" + s.getName()));
            } catch (IllegalArgumentException e) {
                log.warn("Cannot handle SIG{} here ({}); it will stop the process at once", name, e.getMessage());
            }
        }
        installed = true;
    }

    void onSignal(String name) {
        if (signals.incrementAndGet() > 1) {
            log.warn("{} again: exiting now. The run in progress is marked failed at the next start and resumed by "
                    + "'glasshouse restart'.", name);
            System.exit(143);
        }
        log.warn("{} received: stopping at a safe point (the step in progress finishes, the next one does not start; "
                + "'glasshouse restart' resumes the run). Send it again to exit at once.", name);
        request();
        Thread watchdog = new Thread(this::cancelSparkJobsAfterGrace, "glasshouse-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** Asks the run in progress to stop at the next step boundary. */
    public void request() {
        requested.countDown();
    }

    public boolean requested() {
        return requested.getCount() == 0;
    }

    /** Blocks until a stop is requested. */
    public void await() throws InterruptedException {
        requested.await();
    }

    public boolean await(Duration timeout) throws InterruptedException {
        return requested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelSparkJobsAfterGrace() {
        try {
            Thread.sleep(grace.toMillis());
        } catch (InterruptedException e) {
            return;
        }
        var session = SparkSession.getDefaultSession();
        if (session.isDefined() && !session.get().sparkContext().isStopped()) {
            log.warn("The step in progress is still running after {}: cancelling its Spark jobs (the step fails and "
                    + "'glasshouse restart' repeats it)", grace);
            session.get().sparkContext().cancelAllJobs();
        }
    }
}
