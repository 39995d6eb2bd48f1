package org.glasshouse.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.glasshouse.TestContexts;
import org.glasshouse.cli.NightlyCommand;
import org.glasshouse.cli.RestartCommand;
import org.glasshouse.nightly.NightlyJobConfig;
import org.glasshouse.nightly.NightlyParameters;
import org.glasshouse.testing.SharedSpark;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The job repository on a real PostgreSQL server, used by the least-privilege role of deploy/postgres/setup.sql
 * (no DDL, no DELETE) after the owner role created the tables. A nightly is killed (-9) in the middle of its
 * validate step; restart marks it failed, resumes it at that step and publishes exactly the bytes of an
 * uninterrupted run. The run's metrics file carries the hand-derived row accounting of the input.
 * <p>
 * Needs GLASSHOUSE_TEST_PG_URL, _USER, _PASSWORD (the application role) and _OWNER, _OWNER_PASSWORD, as printed by
 * {@code .ci/start-postgres}. In CI (CI set) their absence or an unreachable server fails the test; on a developer's
 * machine without them it is skipped, loudly.
 */
class PostgresJobRepositoryTest {

    static final String URL = System.getenv("GLASSHOUSE_TEST_PG_URL");
    static final LocalDate AS_OF = LocalDate.parse("2026-09-30");
    static final String SECRET = "--glasshouse.pseudonymisation.secret=ops-postgres-test";

    @TempDir
    static Path tmp;

    @BeforeAll
    static void requirePostgres() throws SQLException {
        if (URL == null || URL.isBlank()) {
            String why = "GLASSHOUSE_TEST_PG_URL is not set: the PostgreSQL job repository test needs a server "
                    + "(eval \"$(.ci/start-postgres)\" starts one; docs/operations.md)";
            if (System.getenv("CI") != null) fail(why + ". CI must provide it (.ci/run).");
            System.err.println("\n*** SKIPPED PostgresJobRepositoryTest: " + why + " ***\n");
            Assumptions.abort(why);
        }
        // Schema creation as the owner role, with Spring Batch's own script through Boot's initializer (as
        // docs/operations.md tells an operator to do once); a second time is harmless.
        try (var ctx = TestContexts.start(tmp.resolve("schema"), List.of("postgres"), List.of(
                "--spring.datasource.url=" + URL, "--spring.datasource.username=" + env("GLASSHOUSE_TEST_PG_OWNER"),
                "--spring.datasource.password=" + env("GLASSHOUSE_TEST_PG_OWNER_PASSWORD"),
                "--spring.batch.jdbc.initialize-schema=always"))) {
            assertThat(ctx.getBean(JobExplorer.class).getJobNames()).isNotNull();
        }
        try (Connection c = DriverManager.getConnection(URL, env("GLASSHOUSE_TEST_PG_USER"),
                env("GLASSHOUSE_TEST_PG_PASSWORD"))) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    private static String env(String name) {
        String v = System.getenv(name);
        if (v == null) fail(name + " is not set (see .ci/start-postgres)");
        return v;
    }

    private static List<String> appArgs() {
        return List.of("--spring.datasource.url=" + URL, "--spring.datasource.username=" + env("GLASSHOUSE_TEST_PG_USER"),
                "--spring.datasource.password=" + env("GLASSHOUSE_TEST_PG_PASSWORD"), SECRET);
    }

    private static ConfigurableApplicationContext app(Path out) {
        return TestContexts.start(out, List.of("postgres"), appArgs());
    }

    @Test
    void aNightlyKilledMidStepIsRestartedAndPublishesTheBytesOfAnUninterruptedRun() throws Exception {
        Path input = OpsInput.create(tmp.resolve("in"));
        SharedSpark.get();

        // An uninterrupted run, in this JVM.
        Path whole = tmp.resolve("whole");
        try (var ctx = app(whole)) {
            assertThat(NightlyCommand.run(ctx, input, whole, AS_OF)).isZero();
        }
        String metricsFile = Files.readString(whole.resolve("private/monitoring/glasshouse.prom"));

        // The same nightly in a child process, killed (-9) while its validate step runs.
        Path killed = tmp.resolve("killed");
        try (ChildJvm child = ChildJvm.start(tmp.resolve("killed.log"), Map.of("GLASSHOUSE_DB_URL", URL,
                        "GLASSHOUSE_DB_USER", env("GLASSHOUSE_TEST_PG_USER"),
                        "GLASSHOUSE_DB_PASSWORD", env("GLASSHOUSE_TEST_PG_PASSWORD")),
                "nightly", "--input", input.toString(), "--out", killed.toString(), "--as-of", AS_OF.toString(),
                "--profile", "postgres", SECRET, "--logging.level.org.glasshouse.ops.StepProgress=DEBUG")) {
            child.awaitLine(l -> l.contains("Step validate started"), Duration.ofMinutes(6));
            child.kill();
            assertThat(child.output()).doesNotContain("Glasshouse nightly run");
        }

        try (var ctx = app(killed)) {
            JobExplorer explorer = ctx.getBean(JobExplorer.class);
            JobExecution died = newest(explorer, killed).get(0);
            assertThat(died.getStatus()).isEqualTo(BatchStatus.STARTED); // nobody could mark it
            assertThat(RestartCommand.run(ctx, killed, null)).isZero();

            List<JobExecution> executions = newest(explorer, killed);
            assertThat(executions).hasSize(2);
            JobExecution first = executions.get(0);
            JobExecution resumed = executions.get(1);
            assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(first.getExitStatus().getExitDescription()).contains("process died during the run");
            assertThat(statuses(first)).isEqualTo(Map.of("ingest", "COMPLETED", "validate", "FAILED"));
            assertThat(step(first, "validate").getExitStatus().getExitDescription())
                    .contains("process died during the step");
            assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(resumed.getJobInstance().getInstanceId()).isEqualTo(first.getJobInstance().getInstanceId());
            assertThat(resumed.getStepExecutions().stream().map(StepExecution::getStepName))
                    .containsExactly("validate", "feedback", "metrics", "report", "publish");
            // Step counters of the restarted validate: every row of the input once (src/test/resources/ops).
            StepExecution validate = step(resumed, "validate");
            assertThat(validate.getReadCount()).isEqualTo(OpsInput.READ);
            assertThat(validate.getWriteCount()).isEqualTo(OpsInput.ACCEPTED);
            assertThat(validate.getSkipCount()).isEqualTo(OpsInput.QUARANTINED);
            assertThat(step(first, "ingest").getWriteCount()).isEqualTo(8);
        }

        // The restarted run published byte for byte what the uninterrupted one did.
        Path a = whole.resolve("site").toRealPath().resolve("data");
        Path b = killed.resolve("site").toRealPath().resolve("data");
        assertThat(files(b)).isEqualTo(files(a)).isNotEmpty();
        for (String f : files(a)) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }

        // The uninterrupted run's metrics file: hand-derived row accounting, a release, no failure.
        assertThat(metricsFile).contains(
                "glasshouse_rows_read{dataset=\"services\",partner=\"P01\"} 12.0",
                "glasshouse_rows_accepted{dataset=\"services\",partner=\"P01\"} 10.0",
                "glasshouse_rows_quarantined{dataset=\"services\",partner=\"P01\"} 2.0",
                "glasshouse_rows_read{dataset=\"transactions\",partner=\"P02\"} 6.0",
                "glasshouse_rows_accepted{dataset=\"transactions\",partner=\"P02\"} 5.0",
                "glasshouse_rows_quarantined{dataset=\"transactions\",partner=\"P02\"} 1.0",
                "glasshouse_rows_read{dataset=\"agreements\",partner=\"_reference\"} 12.0",
                "glasshouse_last_run_failed 0.0",
                "glasshouse_site_stale 0.0",
                "glasshouse_site_release{release=\"" + whole.resolve("site").toRealPath().getFileName() + "\"} 1.0");
        assertThat(metricsFile).doesNotContain("glasshouse_last_run_failure{");
        // P01 and P02 sent files; the other six partners of the reference data never did (0).
        assertThat(metricsFile).contains("glasshouse_partner_last_file_timestamp_seconds{partner=\"P03\"} 0.0");
        assertThat(metricsFile).containsPattern(
                "glasshouse_partner_last_file_timestamp_seconds\\{partner=\"P01\"\\} 1\\.[0-9]+E9");
        assertThat(Files.list(whole.resolve("private/monitoring")).map(p -> p.getFileName().toString()))
                .containsExactly("glasshouse.prom");
    }

    /** Executions of the newest run on this output folder, oldest first. */
    private static List<JobExecution> newest(JobExplorer explorer, Path out) {
        String o = out.toAbsolutePath().normalize().toString();
        for (var instance : explorer.getJobInstances(NightlyJobConfig.JOB_NAME, 0, 50)) {
            List<JobExecution> e = new ArrayList<>(explorer.getJobExecutions(instance));
            if (!e.isEmpty() && o.equals(e.get(0).getJobParameters().getString(NightlyParameters.OUT))) {
                e.sort(java.util.Comparator.comparing(JobExecution::getId));
                return e;
            }
        }
        throw new AssertionError("no run on " + o);
    }

    private static StepExecution step(JobExecution e, String name) {
        return e.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
    }

    private static Map<String, String> statuses(JobExecution e) {
        Map<String, String> m = new TreeMap<>();
        e.getStepExecutions().forEach(s -> m.put(s.getStepName(), s.getStatus().name()));
        return m;
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
