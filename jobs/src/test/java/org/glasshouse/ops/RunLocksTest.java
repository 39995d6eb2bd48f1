package org.glasshouse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.glasshouse.Glasshouse;
import org.glasshouse.TestContexts;
import org.glasshouse.nightly.NightlyJobConfig;
import org.glasshouse.nightly.NightlyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;

/** Which lock a run takes, and the run lock in the job repository through the command line (H2 file repository). */
class RunLocksTest {

    @TempDir
    Path tmp;

    @Test
    void autoTakesTheDatabaseLockForARepositoryOffThisMachineOrAStoreThatIsNotAFile() {
        var auto = RunLockSettings.Mode.AUTO;
        String h2 = "jdbc:h2:file:/srv/out/private/jobrepo/glasshouse";
        String pg = "jdbc:postgresql://db:5432/glasshouse";
        assertThat(RunLocks.databaseMode(auto, h2, List.of(""))).isFalse();
        assertThat(RunLocks.databaseMode(auto, h2, List.of("file:/srv/releases", "/srv/curated"))).isFalse();
        assertThat(RunLocks.databaseMode(auto, h2, List.of("", "hdfs://nn:8020/glasshouse"))).isTrue();
        assertThat(RunLocks.databaseMode(auto, h2, List.of("s3a://bucket/glasshouse"))).isTrue();
        assertThat(RunLocks.databaseMode(auto, pg, List.of(""))).isTrue();
        assertThat(RunLocks.databaseMode(RunLockSettings.Mode.FILE, pg, List.of("s3a://b/g"))).isFalse();
        assertThat(RunLocks.databaseMode(RunLockSettings.Mode.DATABASE, h2, List.of())).isTrue();
    }

    @Test
    void theDefaultsAreTheFileLockOnH2AndAnyStorageUriSettingSwitchesAutoToTheDatabaseLock() throws Exception {
        try (var ctx = TestContexts.start(tmp.resolve("a"), List.of(), List.of())) {
            RunLocks locks = ctx.getBean(RunLocks.class);
            assertThat(locks.databaseMode()).isFalse();
            assertThat(RunLocks.acquireIfDatabase(ctx)).isNull();
            RunLockSettings s = ctx.getBean(RunLockSettings.class);
            assertThat(s.ttl()).hasMinutes(2);
            assertThat(s.heartbeat()).hasSeconds(30);
        }
        try (var ctx = TestContexts.start(tmp.resolve("b"), List.of(),
                List.of("--glasshouse.storage.publish-uri=hdfs://127.0.0.1:1/glasshouse"))) {
            RunLocks locks = ctx.getBean(RunLocks.class);
            assertThat(locks.databaseMode()).isTrue();
            assertThat(locks.lockName()).isEqualTo("hdfs://127.0.0.1:1/glasshouse");
        }
    }

    /**
     * A run (this test's context) holds the database lock: restart is refused with exit 3 naming it, and the STARTED
     * run is left alone. Once the holder stops heartbeating for the ttl, restart takes the lock, which proves the run
     * dead, and marks it FAILED (it then stops for want of the run's key, as a real restart without it would).
     */
    @Test
    void restartIsRefusedWhileTheHolderHeartbeatsAndTakesAnExpiredLockAsProofTheStartedRunIsDead() throws Exception {
        Path out = tmp.resolve("out");
        String[] settings = {"--glasshouse.run-lock.mode=database", "--glasshouse.run-lock.ttl=1s",
                "--glasshouse.run-lock.heartbeat=200ms", "--glasshouse.pseudonymisation.secret="};
        try (var ctx = TestContexts.start(out, List.of(), List.of(settings));
             RepositoryRunLock holder = RunLocks.acquireIfDatabase(ctx)) {
            NightlyParameters params = new NightlyParameters(tmp.resolve("in"), out.toAbsolutePath().normalize(),
                    LocalDate.parse("2026-09-30"), 1L);
            JobExecution running = ctx.getBean(JobRepository.class)
                    .createJobExecution(NightlyJobConfig.JOB_NAME, params.toJobParameters());
            running.setStatus(BatchStatus.STARTED);
            ctx.getBean(JobRepository.class).update(running);

            Thread.sleep(1500); // past the ttl: the heartbeat keeps it
            Run refused = restart(out, settings);
            assertThat(refused.code()).isEqualTo(3);
            assertThat(refused.err()).contains("holds the run lock on file://" + out.toAbsolutePath().normalize() + " ")
                    .contains("owner " + holder.owner());
            JobExplorer explorer = ctx.getBean(JobExplorer.class);
            assertThat(explorer.getJobExecution(running.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);

            holder.stopHeartbeat(); // the run's process dies
            Thread.sleep(1500);
            Run taken = restart(out, settings);
            assertThat(taken.err()).contains("GLASSHOUSE_HMAC_SECRET is not set");
            assertThat(taken.code()).isEqualTo(2);
            JobExecution died = explorer.getJobExecution(running.getId());
            assertThat(died.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(died.getExitStatus().getExitDescription()).contains("process died during the run");
            // The restart released its lock at the end; the next fence is the holder's + 2.
            try (Connection c = ctx.getBean(DataSource.class).getConnection()) {
                RepositoryRunLock.Row row = RepositoryRunLock.read(c, "file://" + out.toAbsolutePath().normalize());
                assertThat(row.fence()).isEqualTo(holder.fence() + 1);
                assertThat(row.owner()).isNotEqualTo(holder.owner());
                assertThat(row.expires()).isBefore(row.now());
            }
        }
    }

    record Run(int code, String err) {}

    private static Run restart(Path out, String... settings) {
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            String[] args = new String[settings.length + 3];
            args[0] = "restart";
            args[1] = "--out";
            args[2] = out.toString();
            System.arraycopy(settings, 0, args, 3, settings.length);
            int code = Glasshouse.run(args);
            return new Run(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }
}
