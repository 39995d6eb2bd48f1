package org.glasshouse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.glasshouse.Glasshouse;
import org.glasshouse.metrics.MetricCatalog;
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
        hdfsExit = Glasshouse.run("nightly", "--input", root + "/input", "--out", hdfsOut.toString(),
                "--as-of", AS_OF, "--glasshouse.pseudonymisation.secret=" + SECRET,
                "--glasshouse.storage.history-uri=" + root + "/metrics",
                "--glasshouse.storage.landing-uri=" + root + "/landing",
                "--glasshouse.storage.curated-uri=" + root + "/private");
        long t1 = System.nanoTime();
        // Nothing new: validate and metrics reuse run 1's outputs; the metric partitions are copied on HDFS.
        rerunExit = Glasshouse.run("nightly", "--input", root + "/input", "--out", hdfsOut.toString(),
                "--as-of", AS_OF, "--glasshouse.pseudonymisation.secret=" + SECRET,
                "--glasshouse.storage.history-uri=" + root + "/metrics",
                "--glasshouse.storage.landing-uri=" + root + "/landing",
                "--glasshouse.storage.curated-uri=" + root + "/private");
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
        Map<String, String> onHdfs = counters(hdfsOut);
        Map<String, String> local = counters(localOut);
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
        for (String n : names) {
            if (n.endsWith(".parquet")) {
                assertThat(ParquetBytes.canonical(onHdfs.resolve(n))).as(n)
                        .isEqualTo(ParquetBytes.canonical(local.resolve(n)));
            } else {
                assertThat(Files.mismatch(onHdfs.resolve(n), local.resolve(n))).as("first differing byte of %s", n)
                        .isEqualTo(-1L);
            }
        }
    }

    @Test
    void theMetricHistoryIsOnHdfsAndNotUnderOut() throws IOException {
        TreeSet<String> stored = withoutJobIds(hdfsFiles(root + "/metrics"));
        stored.removeIf(f -> f.contains("/run_id=2/"));
        TreeSet<String> local = withoutJobIds(localFiles(localOut.resolve("private/metrics")));
        // One folder per metric table for this as-of date and run, the same files as the local run's.
        assertThat(stored).isEqualTo(local);
        assertThat(stored.stream().map(f -> f.substring(0, f.indexOf('/'))).distinct().count())
                .isEqualTo(MetricCatalog.all().size());
        assertThat(stored).allMatch(f -> f.contains("/as_of=" + AS_OF + "/run_id=1/"));
        assertThat(stored.stream().filter(f -> f.endsWith(".parquet")).count()).isEqualTo(MetricCatalog.all().size());
        assertThat(hdfsOut.resolve("private/metrics")).doesNotExist();
    }

    @Test
    void theLandingZoneIsOnHdfsAndNotUnderOut() throws IOException {
        // The landed copies (<partner>/<sha256>/<name>): the same files as the local run's landing zone.
        TreeSet<String> local = localFiles(localOut.resolve("private/landing"));
        TreeSet<String> stored = hdfsFiles(root + "/landing");
        TreeSet<String> landed = new TreeSet<>(stored);
        local.removeIf(f -> !f.matches("[^/]+/[0-9a-f]{64}/[^/]+"));
        landed.removeIf(f -> !f.matches("[^/]+/[0-9a-f]{64}/[^/]+"));
        assertThat(local).hasSize(160);
        assertThat(landed).isEqualTo(local);
        // The manifest: one object per landed file, as many as the local run's.
        assertThat(stored.stream().filter(f -> f.startsWith("manifest/")).count()).isEqualTo(160);
        assertThat(hdfsOut.resolve("private/landing")).doesNotExist();
    }

    @Test
    void theCuratedDataIsOnHdfsAndNotUnderOut() throws IOException {
        for (String kind : List.of("curated", "quarantine", "findings")) {
            TreeSet<String> stored = withoutJobIds(hdfsFiles(root + "/private/runs/1/" + kind));
            TreeSet<String> local = withoutJobIds(localFiles(localOut.resolve("private/runs/1/" + kind)));
            stored.removeIf(f -> !f.endsWith(".parquet"));
            local.removeIf(f -> !f.endsWith(".parquet"));
            assertThat(local).as(kind).isNotEmpty();
            assertThat(stored).as(kind).isEqualTo(local);
            assertThat(hdfsOut.resolve("private/runs/1/" + kind)).doesNotExist();
        }
        // Ten datasets curated, each with its per-file validation units on HDFS.
        TreeSet<String> datasets = new TreeSet<>();
        for (String f : hdfsFiles(root + "/private/runs/1/curated")) datasets.add(f.substring(0, f.indexOf('/')));
        assertThat(datasets).hasSize(10).contains("services", "transactions", "agreements");
        TreeSet<String> units = new TreeSet<>();
        for (String f : hdfsFiles(root + "/private/validated")) units.add(f.substring(0, f.indexOf('/')));
        assertThat(units).containsAll(datasets);
        assertThat(hdfsOut.resolve("private/validated")).doesNotExist();
    }

    @Test
    void aRerunWithNothingNewReusesTheMetricPartitionsOnHdfs() throws IOException {
        assertThat(rerunExit).as("second nightly on HDFS exit code").isZero();
        JsonNode summary = new ObjectMapper().readTree(hdfsOut.resolve("private/runs/2/summary.json").toFile());
        assertThat(summary.path("status").asText()).isEqualTo("COMPLETED");
        TreeSet<String> all = withoutJobIds(hdfsFiles(root + "/metrics"));
        TreeSet<String> first = new TreeSet<>();
        TreeSet<String> second = new TreeSet<>();
        for (String f : all) {
            if (f.contains("/run_id=1/")) first.add(f.replace("/run_id=1/", "/run_id=N/"));
            if (f.contains("/run_id=2/")) second.add(f.replace("/run_id=2/", "/run_id=N/"));
        }
        assertThat(second).isEqualTo(first).hasSizeGreaterThanOrEqualTo(MetricCatalog.all().size());
        assertThat(counters(hdfsOut, 2)).containsEntry("ingest", "read=160 written=0 skipped=0")
                .containsEntry("validate", "read=23490 written=23457 skipped=33");
        assertThat(Files.readAllBytes(hdfsOut.resolve("releases/2026-09-30-run2/data/agreement_metrics.csv")))
                .isEqualTo(Files.readAllBytes(localOut.resolve(RELEASE).resolve("data/agreement_metrics.csv")));
    }

    @Test
    void theInputWasReadFromHdfsAndItsCopyRemoved() throws IOException {
        JsonNode summary = new ObjectMapper().readTree(hdfsOut.resolve("private/runs/1/summary.json").toFile());
        assertThat(summary.path("input").asText()).isEqualTo(root + "/input");
        assertThat(hdfsOut.resolve("private/runs/1/input-copy")).doesNotExist();
        assertThat(hdfsFiles(root + "/input")).hasSize(localFiles(SAMPLE).size());
    }

    /** Spark names its part files with the write job's random id: part-00000-<uuid>-c000 becomes part-00000-ID-c000. */
    private static TreeSet<String> withoutJobIds(TreeSet<String> files) {
        TreeSet<String> out = new TreeSet<>();
        for (String f : files) out.add(f.replaceAll("part-(\\d+)-[0-9a-f-]{36}-c(\\d+)", "part-$1-ID-c$2"));
        return out;
    }

    /** Per step: "read=R written=W skipped=S" from the run's summary.json. */
    private static Map<String, String> counters(Path out) throws IOException {
        return counters(out, 1);
    }

    private static Map<String, String> counters(Path out, int run) throws IOException {
        JsonNode summary = new ObjectMapper().readTree(out.resolve("private/runs/" + run + "/summary.json").toFile());
        assertThat(summary.path("status").asText()).isEqualTo("COMPLETED");
        Map<String, String> steps = new LinkedHashMap<>();
        for (JsonNode s : summary.path("steps")) {
            steps.put(s.path("step").asText(), "read=" + s.path("read").asLong() + " written="
                    + s.path("written").asLong() + " skipped=" + s.path("skipped").asLong());
        }
        return steps;
    }

    private TreeSet<String> hdfsFiles(String folder) throws IOException {
        TreeSet<String> files = new TreeSet<>();
        org.apache.hadoop.fs.Path d = hdfs.makeQualified(new org.apache.hadoop.fs.Path(folder));
        RemoteIterator<LocatedFileStatus> it = hdfs.listFiles(d, true);
        while (it.hasNext()) {
            files.add(it.next().getPath().toUri().getPath().substring(d.toUri().getPath().length() + 1));
        }
        return files;
    }

    /** Files under a local folder, without Hadoop's .crc side files. */
    private static TreeSet<String> localFiles(Path folder) throws IOException {
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String name = folder.relativize(p).toString().replace('\\', '/');
                if (!name.endsWith(".crc")) files.add(name);
            }
        }
        return files;
    }

    private static List<String> names(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).sorted().forEach(out::add);
        }
        return out;
    }
}
