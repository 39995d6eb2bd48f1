package org.glasshouse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.glasshouse.TestContexts;
import org.glasshouse.cli.NightlyCommand;
import org.glasshouse.cli.RestartCommand;
import org.glasshouse.nightly.NightlyJobConfig;
import org.glasshouse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;

/**
 * The publish step of a real nightly in database lock mode (H2 file repository): a run whose lock was taken by
 * another process (its fence moved on) publishes nothing and fails at publish; the new holder's restart publishes.
 */
class FencedPublishTest {

    @TempDir
    Path tmp;

    @Test
    void aRunWhoseLockWasTakenFailsAtPublishWithNoSiteAndTheNewHoldersRestartPublishes() throws Exception {
        Path input = OpsInput.create(tmp.resolve("in"));
        SharedSpark.get();
        Path out = tmp.resolve("out");
        try (var ctx = TestContexts.start(out, List.of(), List.of("--glasshouse.run-lock.mode=database",
                "--glasshouse.pseudonymisation.secret=fenced-publish-test"))) {
            DataSource db = ctx.getBean(DataSource.class);
            String name = ctx.getBean(RunLocks.class).lockName();
            assertThat(name).isEqualTo("file://" + out.toAbsolutePath().normalize());
            try (RepositoryRunLock stale = RunLocks.acquireIfDatabase(ctx)) {
                assertThat(stale.fence()).isEqualTo(1);
                // Another process takes the lock (as after this one missed its heartbeats for the ttl).
                try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                        "UPDATE GLASSHOUSE_RUN_LOCK SET OWNER = 'other-host pid 1 taker', FENCE = FENCE + 1 "
                                + "WHERE LOCK_NAME = ?")) {
                    ps.setString(1, name);
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                }
                assertThat(NightlyCommand.run(ctx, input, out, LocalDate.parse("2026-09-30"))).isEqualTo(1);
            }
            JobExecution refused = newest(ctx.getBean(JobExplorer.class));
            assertThat(refused.getStatus()).isEqualTo(BatchStatus.FAILED);
            StepExecution publish = refused.getStepExecutions().stream()
                    .filter(s -> s.getStepName().equals("publish")).findFirst().orElseThrow();
            assertThat(publish.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(publish.getExitStatus().getExitDescription())
                    .contains("was taken from this process").contains("by other-host pid 1 taker (fence 2)");
            assertThat(Files.exists(out.resolve("site"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
            assertThat(Files.exists(out.resolve("releases"))).isFalse();

            // The taker's lock expires (released); this process takes it again and restarts: publish goes through.
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "UPDATE GLASSHOUSE_RUN_LOCK SET EXPIRES = CURRENT_TIMESTAMP - INTERVAL '1' SECOND")) {
                ps.executeUpdate();
            }
            try (RepositoryRunLock holder = RunLocks.acquireIfDatabase(ctx)) {
                assertThat(holder.fence()).isEqualTo(3);
                assertThat(RestartCommand.run(ctx, out, null)).isZero();
            }
            assertThat(newest(ctx.getBean(JobExplorer.class)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(Files.readSymbolicLink(out.resolve("site")).toString()).isEqualTo("releases/2026-09-30-run1");
            assertThat(out.resolve("site/data")).isNotEmptyDirectory();
        }
    }

    private static JobExecution newest(JobExplorer explorer) {
        var instance = explorer.getJobInstances(NightlyJobConfig.JOB_NAME, 0, 1).get(0);
        return explorer.getJobExecutions(instance).stream()
                .max(java.util.Comparator.comparing(JobExecution::getId)).orElseThrow();
    }
}
