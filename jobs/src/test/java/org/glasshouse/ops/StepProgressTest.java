package org.glasshouse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;

class StepProgressTest {

    @TempDir
    Path dir;

    @Test
    void aProgressLineNamesTheStepItsTimeAndItsSparkWork() {
        var work = new SparkProgress.Snapshot(12, 340, 1_234_567,
                List.of(new SparkProgress.StageProgress(3, 5, 8), new SparkProgress.StageProgress(4, 0, 2)));
        assertThat(StepProgress.line("validate", Duration.ofSeconds(135), work)).isEqualTo("validate: running for "
                + "2 min 15 s; 2 Spark stages running: 5 of 10 tasks done; 12 Spark jobs done in this step "
                + "(340 tasks, 1,234,567 rows read)");
        assertThat(StepProgress.line("publish", Duration.ofSeconds(12), SparkProgress.Snapshot.NONE))
                .isEqualTo("publish: running for 12 s");
    }

    @Test
    void theSparkListenerCountsJobsTasksAndRowsRead() throws Exception {
        SparkSession spark = SharedSpark.get();
        Path csv = dir.resolve("rows.csv");
        StringBuilder b = new StringBuilder("n\n");
        for (int i = 0; i < 100; i++) b.append(i).append('\n');
        Files.writeString(csv, b);
        SparkProgress progress = SparkProgress.attach(spark.sparkContext());
        assertThat(SparkProgress.attach(spark.sparkContext())).isSameAs(progress);
        SparkProgress.Snapshot before = progress.snapshot();
        assertThat(spark.read().option("header", "true").schema("n INT").csv(csv.toString()).count())
                .isEqualTo(100);
        SparkProgress.Snapshot work = progress.snapshot().since(before);
        for (int i = 0; i < 100 && (work.rowsRead() < 100 || work.jobsDone() < 1); i++) { // events come later
            Thread.sleep(100);
            work = progress.snapshot().since(before);
        }
        assertThat(work.jobsDone()).isGreaterThanOrEqualTo(1);
        assertThat(work.tasksDone()).isGreaterThanOrEqualTo(1);
        assertThat(work.rowsRead()).isEqualTo(100);
        assertThat(work.running()).isEmpty();
    }

    @Test
    void aLongStepReportsAtMostOncePerIntervalAndStopsWhenItEnds() throws Exception {
        SparkSession spark = SharedSpark.get();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        StepProgress progress = new StepProgress(new ProgressProperties(Duration.ofMillis(400), Duration.ofMillis(500)),
                lines::add);
        StepExecution step = new StepExecution("metrics", new JobExecution(1L), 42L);
        long start = System.nanoTime();
        progress.beforeStep(step);
        spark.range(0, 1000).count();
        Thread.sleep(1_500);
        progress.afterStep(step);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        int reported = lines.size();
        Thread.sleep(800);
        progress.close();

        assertThat(lines).hasSize(reported); // nothing after the step ended
        assertThat(reported).isBetween(1, (int) ((elapsedMs - 400) / 500) + 1);
        assertThat(lines.get(0)).startsWith("metrics: running for ");
        assertThat(lines.get(reported - 1)).contains("Spark jobs done in this step (");
    }

}
