package org.glasshouse.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;

/**
 * A stand-in for a nightly in progress, run in a child JVM: holds the run lock and the repository lock of OUT and
 * has the job repository's H2 file open, exactly as a running nightly does, until its standard input closes.
 */
public final class HoldRunLock {

    private HoldRunLock() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        try (RunLock run = RunLock.tryAcquire(JobRuns.lockFile(out));
             RunLock repository = RunLock.acquireRepository(out, Duration.ofSeconds(5));
             Connection db = DriverManager.getConnection("jdbc:h2:file:" + out.toAbsolutePath().normalize()
                     + "/private/jobrepo/glasshouse", "sa", "")) {
            if (run == null || repository == null) {
                System.out.println("BUSY");
                return;
            }
            db.createStatement().execute("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE");
            System.out.println("READY");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes our standard input (or kills us)
            }
        }
    }
}
