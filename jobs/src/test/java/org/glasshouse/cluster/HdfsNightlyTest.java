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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.glasshouse.Glasshouse;
import org.glasshouse.testing.MiniHdfs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The nightly on the sample data with its stores on a real HDFS (MiniDFSCluster in this JVM): the input folder copied
 * onto HDFS and given to --input as an hdfs:// URI, the landing zone, the curated data and the metric history on
 * hdfs:// (glasshouse.storage.landing-uri, curated-uri, history-uri), beside a run of the same input with everything
 * on the local disk. The published tables must be byte-identical, the step counters equal, and the stores' files
 * must really be on HDFS and not under --out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HdfsNightlyTest {

    static final Path SAMPLE = LocalSampleNightly.SAMPLE;
    static final String AS_OF = LocalSampleNightly.AS_OF;
    static final String SECRET = LocalSampleNightly.SECRET;
    static final String RELEASE = "releases/2026-09-30-run1";

    Path dir;
    Path hdfsOut;
    Path localOut;
    FileSystem hdfs;
    String root;
    int hdfsExit;
    int rerunExit;
    int localExit;
    long hdfsMillis;
    long localMillis;

    int nightlyOnHdfs() {
        return Glasshouse.run("nightly", "--input", root + "/input", "--out", hdfsOut.toString(),
                "--as-of", AS_OF, "--glasshouse.pseudonymisation.secret=" + SECRET,
                "--glasshouse.storage.history-uri=" + root + "/metrics",
                "--glasshouse.storage.landing-uri=" + root + "/landing",
                "--glasshouse.storage.curated-uri=" + root + "/private");
    }

    @BeforeAll
    void runOnHdfsAndLocally() throws Exception {
        long t0 = System.nanoTime();
        hdfs = MiniHdfs.fs();
        root = MiniHdfs.uri() + "/glasshouse";
        long started = System.nanoTime();
        hdfs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(SAMPLE.toUri()),
                new org.apache.hadoop.fs.Path(root + "/input"));
        long copied = System.nanoTime();
        dir = Files.createTempDirectory("hdfs-nightly");
        hdfsOut = dir.resolve("hdfs-out");
        hdfsExit = nightlyOnHdfs();
        long t1 = System.nanoTime();
        // Nothing new: validate and metrics reuse run 1's outputs; the metric partitions are copied on HDFS.
        rerunExit = nightlyOnHdfs();
        long rerun = System.nanoTime();
        localOut = LocalSampleNightly.out(); // shared with S3NightlyTest: run once per test JVM
        localExit = LocalSampleNightly.exit();
        long t2 = System.nanoTime();
        hdfsMillis = (t1 - copied) / 1_000_000;
        localMillis = (t2 - rerun) / 1_000_000;
        System.out.printf("HdfsNightlyTest: HDFS ready %d ms, input copied %d ms, nightly on HDFS %d ms, rerun %d ms, "
                        + "local nightly %d ms%n", (started - t0) / 1_000_000, (copied - started) / 1_000_000,
                hdfsMillis, (rerun - t1) / 1_000_000, localMillis);
    }

    @Test
    void bothRunsCompleteWithTheSameStepCounters() throws IOException {
        assertThat(hdfsExit).as("nightly on HDFS exit code").isZero();
        assertThat(localExit).as("local nightly exit code").isZero();
        Map<String, String> onHdfs = counters(hdfsOut, 1);
        Map<String, String> local = counters(localOut, 1);
        assertThat(onHdfs).isEqualTo(local);
        // As NightlyJobFunctionalTest: 160 files landed, 23,490 rows read, 33 planted-invalid rows quarantined.
        assertThat(local).containsEntry("ingest", "read=160 written=160 skipped=0")
                .containsEntry("validate", "read=23490 written=23457 skipped=33");
        assertThat(local).containsKeys("feedback", "metrics", "report", "publish");
    }

    @Test
    void publishedTablesAreByteIdentical() throws IOException {
        Path onHdfs = hdfsOut.resolve(RELEASE).resolve("data");
        Path local = localOut.resolve(RELEASE).resolve("data");
        List<String> names = names(local);
        assertThat(names).hasSizeGreaterThanOrEqualTo(42).contains("agreement_metrics.csv", "programme_metrics.parquet");
        assertThat(names(onHdfs)).isEqualTo(names);
        assertSameTables(onHdfs, local, names);
    }

    @Test
    void theMetricHistoryIsOnHdfsAndNotUnderOut() throws IOException {
        StoredRun.assertMetricHistoryOnStore(hdfs, root + "/metrics", AS_OF, hdfsOut, localOut);
    }

    @Test
    void theLandingZoneIsOnHdfsAndNotUnderOut() throws IOException {
        StoredRun.assertLandingZoneOnStore(hdfs, root + "/landing", hdfsOut, localOut);
    }

    @Test
    void theCuratedDataIsOnHdfsAndNotUnderOut() throws IOException {
        StoredRun.assertCuratedDataOnStore(hdfs, root + "/private", hdfsOut, localOut);
    }

    @Test
    void aRerunWithNothingNewReusesTheMetricPartitionsOnHdfs() throws IOException {
        assertThat(rerunExit).as("second nightly on HDFS exit code").isZero();
        JsonNode summary = new ObjectMapper().readTree(hdfsOut.resolve("private/runs/2/summary.json").toFile());
        assertThat(summary.path("status").asText()).isEqualTo("COMPLETED");
        StoredRun.assertRerunReusedTheStore(hdfs, root + "/metrics", hdfsOut);
        assertThat(Files.readAllBytes(hdfsOut.resolve("releases/2026-09-30-run2/data/agreement_metrics.csv")))
                .isEqualTo(Files.readAllBytes(localOut.resolve(RELEASE).resolve("data/agreement_metrics.csv")));
    }

    @Test
    void theInputWasReadFromHdfsAndItsCopyRemoved() throws IOException {
        JsonNode summary = new ObjectMapper().readTree(hdfsOut.resolve("private/runs/1/summary.json").toFile());
        assertThat(summary.path("input").asText()).isEqualTo(root + "/input");
        assertThat(hdfsOut.resolve("private/runs/1/input-copy")).doesNotExist();
        assertThat(storeFiles(hdfs, root + "/input")).hasSize(localFiles(SAMPLE).size());
    }
}
