package org.glasshouse.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glasshouse.Glasshouse;

/**
 * The reference run the storage nightlies compare with: the nightly on the sample data with everything on the local
 * disk, run once per test JVM (surefire reuses one JVM for the suite) and shared by {@link HdfsNightlyTest} and
 * {@link S3NightlyTest}, which saves one full nightly of CI time per extra store.
 */
final class LocalSampleNightly {

    static final Path SAMPLE = Path.of("..", "sample-data").toAbsolutePath().normalize();
    static final String AS_OF = "2026-09-30";
    static final String SECRET = "storage-test-secret";

    private static Path out;
    private static int exit;

    private LocalSampleNightly() {}

    /** The run's --out folder (runs it on first use). */
    static synchronized Path out() {
        if (out == null) {
            try {
                Path o = Files.createTempDirectory("local-sample-nightly").resolve("out");
                long t0 = System.nanoTime();
                exit = Glasshouse.run("nightly", "--input", SAMPLE.toString(), "--out", o.toString(),
                        "--as-of", AS_OF, "--glasshouse.pseudonymisation.secret=" + SECRET);
                System.out.printf("LocalSampleNightly: local nightly %d ms%n", (System.nanoTime() - t0) / 1_000_000);
                out = o;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static synchronized int exit() {
        out();
        return exit;
    }
}
