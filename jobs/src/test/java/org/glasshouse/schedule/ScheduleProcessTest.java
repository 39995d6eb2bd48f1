package org.glasshouse.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glasshouse.TestContexts;
import org.glasshouse.cli.RestartCommand;
import org.glasshouse.nightly.NightlyParameters;
import org.glasshouse.ops.ChildJvm;
import org.glasshouse.ops.OpsInput;
import org.glasshouse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;

/**
 * The scheduler as an operator runs it: a child process with a cron expression two seconds apart on a small input.
 * The first run completes; the second starts only after it (the due times missed meanwhile logged as late, none
 * doubled); the scrape endpoint serves the first run's figures; SIGTERM during the second run stops it at the end
 * of its current step (STOPPED, exit 0); restart resumes it at the step that did not run and publishes.
 */
class ScheduleProcessTest {

    static final List<String> STEPS = List.of("ingest", "validate", "feedback", "metrics", "report", "publish");
    static final String SECRET = "--glasshouse.pseudonymisation.secret=ops-schedule-test";

    @TempDir
    Path tmp;

    @Test
    void firesTwiceWithoutOverlapStopsOnSigtermAndRestartResumes() throws Exception {
        Path input = OpsInput.create(tmp.resolve("in"));
        Path out = tmp.resolve("out");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String metrics;
        String stoppedBefore;
        try (ChildJvm child = ChildJvm.start(tmp.resolve("schedule.log"), Map.of(), "schedule",
                "--input", input.toString(), "--out", out.toString(), SECRET,
                "--glasshouse.schedule.cron=*/2 * * * * *", "--glasshouse.schedule.zone=UTC",
                "--glasshouse.monitoring.port=0", "--logging.level.org.glasshouse.ops.StepProgress=DEBUG")) {
            String started = child.awaitLine(l -> l.contains("Scheduler started"), Duration.ofMinutes(2));
            Matcher m = Pattern.compile("metrics at (http://127\\.0\\.0\\.1:\\d+/metrics)").matcher(started);
            assertThat(m.find()).as(started).isTrue();
            URI endpoint = URI.create(m.group(1));

            // A file that arrives once run 1 has fixed its input set: run 2 has a file to validate (with nothing
            // new, its validate and feedback steps take an earlier run's outputs in milliseconds, too quick to stop).
            child.awaitLine(l -> l.contains("Step validate started"), Duration.ofMinutes(5));
            Files.copy(input.resolve("inbox/P02/transactions.csv"), input.resolve("inbox/P02/transactions-late.csv"));
            child.awaitLine(l -> l.contains("Glasshouse nightly run 1 (as of " + today + "): COMPLETED"),
                    Duration.ofMinutes(10));
            metrics = scrapeUntil(endpoint, "glasshouse_last_run_id 1.0");

            // The second run: SIGTERM once its validate step is under way. Validate is reused on unchanged inputs,
            // so the run may be a step further by the time the signal lands: the step it stops before is read back.
            child.awaitLines(l -> l.contains("Step validate started"), 2, Duration.ofMinutes(5));
            child.terminate();
            assertThat(child.awaitExit(Duration.ofMinutes(8))).as(child.output()).isZero();
            String log = child.output();
            Matcher stop = Pattern.compile("Stopping before step (\\w+)").matcher(log);
            assertThat(stop.find()).as(log).isTrue();
            stoppedBefore = stop.group(1);
            assertThat(STEPS.indexOf(stoppedBefore)).as(log).isGreaterThanOrEqualTo(STEPS.indexOf("feedback"));
            assertThat(log).contains("Next nightly run at", "fell due while the previous run was still going",
                    "SIGTERM received: stopping at a safe point",
                    "Glasshouse nightly run 2 (as of " + today + "): STOPPED", "Scheduler stopped");
            assertThat(log).doesNotContain("Glasshouse nightly run 3");
            assertThat(log).as("a stop on request is nobody's fault").doesNotContain("  cause: ");
        }

        // The endpoint served the first run's figures (src/test/resources/ops/README.md).
        assertThat(metrics).contains(
                "glasshouse_rows_read{dataset=\"services\",partner=\"P01\"} 12.0",
                "glasshouse_rows_accepted{dataset=\"services\",partner=\"P01\"} 10.0",
                "glasshouse_rows_quarantined{dataset=\"services\",partner=\"P01\"} 2.0",
                "glasshouse_rows_read{dataset=\"transactions\",partner=\"P02\"} 6.0",
                "glasshouse_rows_quarantined{dataset=\"transactions\",partner=\"P02\"} 1.0",
                "glasshouse_files_refused{dataset=\"services\",partner=\"P01\"} 0.0",
                "glasshouse_last_run_failed 0.0",
                "glasshouse_site_release{release=\"" + today + "-run1\"} 1.0",
                "glasshouse_site_stale 0.0",
                "glasshouse_schedule_held 0.0");
        for (String step : STEPS) {
            assertThat(metrics).contains("glasshouse_step_duration_seconds{step=\"" + step + "\"} ");
        }

        SharedSpark.get(); // the in-process restart shares the test JVM's session
        try (var ctx = TestContexts.start(out, List.of(), List.of(SECRET))) {
            JobExplorer explorer = ctx.getBean(JobExplorer.class);
            List<JobExecution> runs = ScheduleCommand.newestExecutions(explorer);
            JobExecution stopped = runs.get(runs.size() - 1);
            assertThat(stopped.getJobParameters().getLong(NightlyParameters.RUN_ID)).isEqualTo(2L);
            assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
            Map<String, String> expected = new java.util.TreeMap<>();
            for (String step : STEPS.subList(0, STEPS.indexOf(stoppedBefore))) expected.put(step, "COMPLETED");
            expected.put(stoppedBefore, "STOPPED");
            assertThat(statuses(stopped)).isEqualTo(expected);

            // Run 2 started after run 1 ended: never overlapping.
            JobExecution run1 = only(explorer, 1);
            assertThat(run1.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(explorer.getJobInstances("nightly", 0, 100)).hasSize(2);
            assertThat(stopped.getStartTime()).isAfterOrEqualTo(run1.getEndTime());

            assertThat(RestartCommand.run(ctx, out, null)).isZero();
            List<JobExecution> after = ScheduleCommand.newestExecutions(explorer);
            JobExecution resumed = after.get(after.size() - 1);
            assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(resumed.getStepExecutions().stream().map(StepExecution::getStepName))
                    .containsExactlyElementsOf(STEPS.subList(STEPS.indexOf(stoppedBefore), STEPS.size()));
        }
        assertThat(Files.readSymbolicLink(out.resolve("site")).toString()).isEqualTo("releases/" + today + "-run2");
        String file = Files.readString(out.resolve("private/monitoring/glasshouse.prom"));
        assertThat(file).contains("glasshouse_last_run_id 2.0", "glasshouse_last_run_failed 0.0",
                "glasshouse_site_release{release=\"" + today + "-run2\"} 1.0",
                "glasshouse_rows_read{dataset=\"services\",partner=\"P01\"} 12.0");
    }

    private static Map<String, String> statuses(JobExecution e) {
        Map<String, String> m = new java.util.TreeMap<>();
        e.getStepExecutions().forEach(s -> m.put(s.getStepName(), s.getStatus().name()));
        return m;
    }

    private static JobExecution only(JobExplorer explorer, long runId) {
        return explorer.getJobInstances("nightly", 0, 100).stream().flatMap(i -> explorer.getJobExecutions(i).stream())
                .filter(e -> e.getJobParameters().getLong(NightlyParameters.RUN_ID) == runId).findFirst().orElseThrow();
    }

    static String scrapeUntil(URI endpoint, String expected) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = "";
        for (int i = 0; i < 150; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            body = r.body();
            if (body.contains(expected)) return body;
            Thread.sleep(200);
        }
        throw new AssertionError("the endpoint never showed '" + expected + "':\n" + body);
    }
}
