package org.glasshouse.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glasshouse.cluster.StoredRun.assertSameTables;
import static org.glasshouse.cluster.StoredRun.counters;
import static org.glasshouse.cluster.StoredRun.localFiles;
import static org.glasshouse.cluster.StoredRun.names;
import static org.glasshouse.cluster.StoredRun.storeFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.glasshouse.Glasshouse;
import org.glasshouse.publish.Checksums;
import org.glasshouse.storage.FileSystemReleasePublisher;
import org.glasshouse.storage.SitePointer;
import org.glasshouse.testing.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The nightly on the sample data with its stores on S3: an S3-compatible server in this JVM (s3proxy over an
 * in-memory store, {@link S3Server}) reached through S3A, Hadoop's real s3a:// client. The input folder is uploaded
 * and given to --input as an s3a:// URI, the landing zone, the curated data, the metric history and the release
 * store are s3a:// URIs; beside it a run
 * of the same input with everything on the local disk. The step counters must be equal, the published tables
 * byte-identical, the metric history really on S3, the release copied under releases/<id>/ with site.json (written
 * by one PUT: S3 has no atomic rename) pointing at it, and a rerun with nothing new must reuse the history on S3.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3NightlyTest {

    static final Path SAMPLE = LocalSampleNightly.SAMPLE;
    static final String AS_OF = LocalSampleNightly.AS_OF;
    static final String SECRET = LocalSampleNightly.SECRET;
    static final String RUN1 = "2026-09-30-run1";
    static final String RUN2 = "2026-09-30-run2";

    Path dir;
    Path s3Out;
    Path localOut;
    FileSystem s3;
    String root;
    int s3Exit;
    int rerunExit;
    int localExit;

    /** The stores on S3, as settings of the run: one line per store. */
    List<String> storeArgs() {
        return List.of(
                "--glasshouse.storage.history-uri=" + root + "/metrics",
                "--glasshouse.storage.publish-uri=" + root + "/site",
                "--glasshouse.storage.landing-uri=" + root + "/landing",
                "--glasshouse.storage.curated-uri=" + root + "/private");
    }

    int nightlyOnS3() {
        List<String> args = new ArrayList<>(List.of("nightly", "--input", root + "/input", "--out", s3Out.toString(),
                "--as-of", AS_OF, "--glasshouse.pseudonymisation.secret=" + SECRET));
        args.addAll(storeArgs());
        args.addAll(List.of(S3Server.hadoopArgs()));
        return Glasshouse.run(args.toArray(String[]::new));
    }

    @BeforeAll
    void runOnS3AndLocally() throws Exception {
        long t0 = System.nanoTime();
        root = S3Server.bucketUri();
        long started = System.nanoTime();
        s3 = S3Server.newFileSystem();
        long client = System.nanoTime();
        s3.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(SAMPLE.toUri()),
                new org.apache.hadoop.fs.Path(root + "/input"));
        long copied = System.nanoTime();
        dir = Files.createTempDirectory("s3-nightly");
        s3Out = dir.resolve("s3-out");
        s3Exit = nightlyOnS3();
        long t1 = System.nanoTime();
        // Nothing new: validate and metrics reuse run 1's outputs; the metric partitions are copied on S3.
        rerunExit = nightlyOnS3();
        long rerun = System.nanoTime();
        localOut = LocalSampleNightly.out(); // shared with HdfsNightlyTest: run once per test JVM
        localExit = LocalSampleNightly.exit();
        long t2 = System.nanoTime();
        System.out.printf("S3NightlyTest: s3proxy ready %d ms, first S3A client %d ms, input uploaded %d ms, "
                        + "nightly on S3 %d ms, rerun %d ms, local nightly (0 if another test ran it) %d ms%n", (started - t0) / 1_000_000,
                (client - started) / 1_000_000, (copied - client) / 1_000_000, (t1 - copied) / 1_000_000,
                (rerun - t1) / 1_000_000, (t2 - rerun) / 1_000_000);
    }

    @AfterAll
    void closeClient() throws IOException {
        if (s3 != null) s3.close();
    }

    @Test
    void bothRunsCompleteWithTheSameStepCounters() throws IOException {
        assertThat(s3Exit).as("nightly on S3 exit code").isZero();
        assertThat(localExit).as("local nightly exit code").isZero();
        Map<String, String> onS3 = counters(s3Out, 1);
        Map<String, String> local = counters(localOut, 1);
        assertThat(onS3).isEqualTo(local);
        assertThat(local).containsEntry("ingest", "read=160 written=160 skipped=0")
                .containsEntry("validate", "read=23490 written=23457 skipped=33");
        assertThat(local).containsKeys("feedback", "metrics", "report", "publish");
    }

    @Test
    void publishedTablesAreByteIdentical() throws IOException {
        Path onS3 = s3Out.resolve("releases").resolve(RUN1).resolve("data");
        Path local = localOut.resolve("releases").resolve(RUN1).resolve("data");
        List<String> names = names(local);
        assertThat(names).hasSizeGreaterThanOrEqualTo(42).contains("agreement_metrics.csv", "programme_metrics.parquet");
        assertThat(names(onS3)).isEqualTo(names);
        assertSameTables(onS3, local, names);
    }

    @Test
    void theReleaseIsCopiedToS3AndSiteJsonPointsAtIt() throws IOException {
        Path local = localOut.resolve("releases").resolve(RUN1);
        Path s3Release = s3Out.resolve("releases").resolve(RUN1);
        String folder = root + "/site/releases/" + RUN1;
        TreeSet<String> stored = storeFiles(s3, folder);
        TreeSet<String> expected = localFiles(s3Release);
        expected.add(FileSystemReleasePublisher.COMPLETE);
        assertThat(stored).isEqualTo(expected);
        // Every file on S3 is byte for byte the S3 run's local release; its tables are the local run's.
        Path downloaded = dir.resolve("downloaded-" + RUN1);
        s3.copyToLocalFile(false, new org.apache.hadoop.fs.Path(folder), new org.apache.hadoop.fs.Path(
                downloaded.toUri()), true);
        for (String f : localFiles(s3Release)) {
            assertThat(Files.mismatch(downloaded.resolve(f), s3Release.resolve(f))).as("first differing byte of %s", f)
                    .isEqualTo(-1L);
        }
        assertSameTables(downloaded.resolve("data"), local.resolve("data"), names(local.resolve("data")));
        // The pointer, written last, names the release of the rerun (run 2), which followed run 1.
        SitePointer pointer = SitePointer.fromJson(read(root + "/site/" + SitePointer.NAME));
        assertThat(pointer.release()).isEqualTo(RUN2);
        assertThat(pointer.previous()).isEqualTo(RUN1);
        assertThat(pointer.sha256sums())
                .isEqualTo(Checksums.sha256(s3Out.resolve("releases").resolve(RUN2).resolve(Checksums.FILE)));
        assertThat(new String(read(root + "/site/releases/" + RUN2 + "/" + FileSystemReleasePublisher.COMPLETE),
                java.nio.charset.StandardCharsets.UTF_8).trim()).isEqualTo(pointer.sha256sums());
        // No temporary pointer was left: on S3 the pointer is one PUT, not a temporary object renamed over it.
        assertThat(storeFiles(s3, root + "/site")).noneMatch(f -> !f.startsWith("releases/") && !f.equals(SitePointer.NAME));
    }

    @Test
    void theMetricHistoryIsOnS3AndNotUnderOut() throws IOException {
        StoredRun.assertMetricHistoryOnStore(s3, root + "/metrics", AS_OF, s3Out, localOut);
    }

    @Test
    void aRerunWithNothingNewReusesTheMetricHistoryOnS3() throws IOException {
        assertThat(rerunExit).as("second nightly on S3 exit code").isZero();
        StoredRun.assertRerunReusedTheStore(s3, root + "/metrics", s3Out);
        assertThat(Files.readAllBytes(s3Out.resolve("releases").resolve(RUN2).resolve("data/agreement_metrics.csv")))
                .isEqualTo(Files.readAllBytes(localOut.resolve("releases").resolve(RUN1)
                        .resolve("data/agreement_metrics.csv")));
    }

    @Test
    void theInputWasReadFromS3AndItsCopyRemoved() throws IOException {
        JsonNode summary = new ObjectMapper().readTree(s3Out.resolve("private/runs/1/summary.json").toFile());
        assertThat(summary.path("input").asText()).isEqualTo(root + "/input");
        assertThat(s3Out.resolve("private/runs/1/input-copy")).doesNotExist();
        assertThat(storeFiles(s3, root + "/input")).isEqualTo(localFiles(SAMPLE));
    }

    /** Parquet compared by its canonical form (ParquetBytes), everything else byte for byte. */
    @Test
    void theLandingZoneIsOnS3AndNotUnderOut() throws IOException {
        StoredRun.assertLandingZoneOnStore(s3, root + "/landing", s3Out, localOut);
    }

    @Test
    void theCuratedDataIsOnS3AndNotUnderOut() throws IOException {
        StoredRun.assertCuratedDataOnStore(s3, root + "/private", s3Out, localOut);
    }

    private byte[] read(String uri) throws IOException {
        try (InputStream in = s3.open(new org.apache.hadoop.fs.Path(uri))) {
            return in.readAllBytes();
        }
    }
}
