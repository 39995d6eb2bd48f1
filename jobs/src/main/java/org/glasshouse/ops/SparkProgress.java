package org.glasshouse.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Counts Spark's work as it happens (jobs and tasks done, rows read, tasks done of total for each running stage),
 * from the scheduler's own events: progress for any step, without touching the step's code.
 */
public final class SparkProgress extends SparkListener {

    private static final Map<SparkContext, SparkProgress> ATTACHED = new WeakHashMap<>();

    private final Map<Integer, Stage> running = new ConcurrentHashMap<>();
    private final AtomicLong jobsDone = new AtomicLong();
    private final AtomicLong tasksDone = new AtomicLong();
    private final AtomicLong rowsRead = new AtomicLong();

    /** The listener on this context, added on first use. */
    public static synchronized SparkProgress attach(SparkContext sc) {
        return ATTACHED.computeIfAbsent(sc, c -> {
            SparkProgress p = new SparkProgress();
            c.addSparkListener(p);
            return p;
        });
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted e) {
        running.put(e.stageInfo().stageId(), new Stage(e.stageInfo().stageId(), e.stageInfo().numTasks()));
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
        Stage s = running.get(e.stageId());
        if (s != null) s.done.incrementAndGet();
        tasksDone.incrementAndGet();
        if (e.taskMetrics() != null) rowsRead.addAndGet(e.taskMetrics().inputMetrics().recordsRead());
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted e) {
        running.remove(e.stageInfo().stageId());
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd e) {
        jobsDone.incrementAndGet();
    }

    public Snapshot snapshot() {
        List<StageProgress> stages = new ArrayList<>();
        for (Stage s : running.values()) stages.add(new StageProgress(s.id, s.done.get(), s.total));
        stages.sort(Comparator.comparingInt(StageProgress::stageId));
        return new Snapshot(jobsDone.get(), tasksDone.get(), rowsRead.get(), stages);
    }

    private record Stage(int id, int total, AtomicInteger done) {
        Stage(int id, int total) {
            this(id, total, new AtomicInteger());
        }
    }

    public record StageProgress(int stageId, int tasksDone, int tasks) {}

    /** Counters since the listener was added, and the stages running now. */
    public record Snapshot(long jobsDone, long tasksDone, long rowsRead, List<StageProgress> running) {

        public static final Snapshot NONE = new Snapshot(0, 0, 0, List.of());

        /** This snapshot's counters less an earlier one's (the work of one step). */
        public Snapshot since(Snapshot start) {
            return new Snapshot(jobsDone - start.jobsDone, tasksDone - start.tasksDone, rowsRead - start.rowsRead,
                    running);
        }
    }
}
