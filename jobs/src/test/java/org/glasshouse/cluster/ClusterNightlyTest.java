package org.glasshouse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.glasshouse.Glasshouse;
import org.junit.jupiter.api.BeforeAll;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.glasshouse.testing.MiniHdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The nightly on the sample data on a real Spark standalone cluster (a master and one worker in JVMs of their own,
 * executors launched by the worker), submitted the way docs/operations.md tells an operator: Spark's SparkSubmit,
 * the thin application jar, the jars Spark lacks (target/cluster-jars.txt) as --jars, --profile cluster. Its
 * published tables must be byte-identical to a local-mode run of the same input. The landing zone, the curated data
 * and the metric history are on an in-process HDFS ({@link MiniHdfs}), so the executors read landed files and write
 * curated Parquet through HDFS, not through the driver's disk. Anything that only works when driver and executors
 * share one JVM (static state, closures that do not serialise, classes only the driver has) fails here. The cluster must start: if it cannot, the test fails with the daemon's log, it never skips.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterNightlyTest {

    static final Path TARGET = Path.of("target").toAbsolutePath();
    static final Path SAMPLE = Path.of("..", "sample-data").toAbsolutePath().normalize();
    static final String AS_OF = "2026-09-30";
    static final String SECRET = "cluster-test-secret";
    static final String RELEASE = "releases/2026-09-30-run1";
    static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";
    static final String PARALLEL_GC = "-XX:+UseParallelGC";

    /** Kept after the run (logs of master, worker, executors and driver) so a failure in CI can be read. */
    static final Path DIR = TARGET.resolve("cluster-nightly");
    Path dir;
    Path clusterOut;
    Path localOut;
    Path workerDir;
    String stores;
    int submitExit;
    String submitLog;

    @BeforeAll
    void runOnTheClusterAndLocally() throws Exception {
        org.springframework.util.FileSystemUtils.deleteRecursively(DIR);
        dir = Files.createDirectories(DIR);
        clusterOut = dir.resolve("cluster-out");
        localOut = dir.resolve("local-out");
        Path jars = Files.createDirectories(dir.resolve("ship"));
        Path appJar = ThinJar.of(TARGET.resolve("classes"), jars.resolve("glasshouse-jobs.jar"));
        List<String> shipped = new ArrayList<>();
        for (Path p : SparkHome.entries(TARGET.resolve("cluster-jars.txt"), ",")) {
            shipped.add(ThinJar.asJar(p, jars).toString());
        }
        stores = MiniHdfs.uri() + "/cluster-nightly-" + System.nanoTime();
        SparkHome spark = SparkHome.layout(dir.resolve("spark-home"), TARGET);
        try (StandaloneCluster cluster = StandaloneCluster.start(spark, dir)) {
            workerDir = cluster.workDir;
            // C1-only JIT and the parallel collector, as the launcher runs the sample nightly (bin/glasshouse).
            List<String> jvm = new ArrayList<>(List.of("-Xmx1536m", QUICK_JIT, PARALLEL_GC, "-Djava.awt.headless=true",
                    // Spark's Log4j 2 is the logging on a cluster; Boot leaves it alone (docs/operations.md).
                    "-Dorg.springframework.boot.logging.LoggingSystem=none"));
            jvm.addAll(JavaOpens.options());
            List<String> args = new ArrayList<>(List.of("--master", cluster.masterUrl,
                    "--conf", "spark.executor.extraJavaOptions=" + QUICK_JIT + " " + PARALLEL_GC + " "
                            + String.join(" ", JavaOpens.options()),
                    "--conf", "spark.executor.memory=1g", "--conf", "spark.cores.max=2",
                    "--class", "org.glasshouse.Glasshouse", "--jars", String.join(",", shipped), appJar.toString(),
                    "nightly", "--input", SAMPLE.toString(), "--out", clusterOut.toString(), "--as-of", AS_OF,
                    "--profile", "cluster",
                    "--glasshouse.storage.landing-uri=" + stores + "/landing",
                    "--glasshouse.storage.curated-uri=" + stores + "/private",
                    "--glasshouse.storage.history-uri=" + stores + "/metrics", MiniHdfs.fastCloseOption()));
            Map<String, String> env = new HashMap<>(cluster.environment());
            env.put("GLASSHOUSE_HMAC_SECRET", SECRET);
            Files.createDirectories(dir.resolve("driver"));
            try (ChildJvm submit = ChildJvm.start("spark-submit", dir.resolve("driver"), env, jvm, spark.classpath(),
                    "org.apache.spark.deploy.SparkSubmit", args)) {
                // The local run shares the two cores with the cluster run; together they finish sooner than in turn.
                int local = Glasshouse.run("nightly", "--input", SAMPLE.toString(), "--out", localOut.toString(),
                        "--as-of", AS_OF, "--glasshouse.pseudonymisation.secret=" + SECRET);
                assertThat(local).as("local-mode nightly exit code").isZero();
                submitExit = submit.await(Duration.ofMinutes(20));
                submitLog = submit.tail();
            }
        }
    }

    @Test
    void theClusterRunCompletesAndCountsEveryRow() throws IOException {
        assertThat(submitExit).as("spark-submit exit code; its log ends:\n%s", submitLog).isZero();
        JsonNode summary = new ObjectMapper().readTree(clusterOut.resolve("private/runs/1/summary.json").toFile());
        assertThat(summary.path("status").asText()).isEqualTo("COMPLETED");
        JsonNode validate = null;
        for (JsonNode s : summary.path("steps")) if (s.path("step").asText().equals("validate")) validate = s;
        assertThat(validate).isNotNull();
        // As NightlyJobFunctionalTest: 23,490 rows read, 33 planted-invalid rows quarantined.
        assertThat(validate.path("read").asLong()).isEqualTo(23_490);
        assertThat(validate.path("written").asLong()).isEqualTo(23_457);
        assertThat(validate.path("skipped").asLong()).isEqualTo(33);
    }

    @Test
    void executorsRanInTheirOwnJvmsWithTheShippedJars() throws IOException {
        // The worker keeps one folder per executor (work/app-*/<id>/) with its log and the jars it fetched.
        List<Path> executorDirs;
        try (Stream<Path> s = Files.walk(workerDir, 2)) {
            executorDirs = s.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().startsWith("app-"))
                    .toList();
        }
        assertThat(executorDirs).as("executor folders under %s", workerDir).isNotEmpty();
        assertThat(executorDirs.get(0).resolve("glasshouse-jobs.jar")).as("application jar fetched by the executor")
                .exists();
        assertThat(executorDirs.get(0).resolve("stderr")).exists();
    }

    @Test
    void publishedTablesAreByteIdenticalToLocalMode() throws IOException {
        Path cluster = clusterOut.resolve(RELEASE).resolve("data");
        Path local = localOut.resolve(RELEASE).resolve("data");
        List<String> names = names(local);
        // 14 public tables, each as CSV, JSON and Parquet.
        assertThat(names).hasSizeGreaterThanOrEqualTo(42).contains("agreement_metrics.csv", "programme_metrics.parquet");
        assertThat(names(cluster)).isEqualTo(names);
        for (String n : names) {
            if (n.endsWith(".parquet")) {
                // Pages byte for byte; the footer too, once parquet-mr's HashSet order of encodings is sorted.
                assertThat(ParquetBytes.canonical(cluster.resolve(n))).as(n)
                        .isEqualTo(ParquetBytes.canonical(local.resolve(n)));
            } else {
                assertThat(Files.mismatch(cluster.resolve(n), local.resolve(n))).as("first differing byte of %s", n)
                        .isEqualTo(-1L);
            }
        }
    }

    @Test
    void theExecutorsDataWentThroughHdfsNotTheDriversDisk() throws IOException {
        FileSystem hdfs = MiniHdfs.fs();
        for (String folder : List.of("landing", "private/runs/1/curated/services", "private/validated/services",
                "metrics/agreement_metrics")) {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(stores + "/" + folder);
            assertThat(hdfs.exists(p)).as("%s on HDFS", p).isTrue();
        }
        // 160 landed files, as in the local run.
        long landed = 0;
        RemoteIterator<LocatedFileStatus> it = hdfs.listFiles(new org.apache.hadoop.fs.Path(stores + "/landing"), true);
        while (it.hasNext()) if (it.next().getPath().getParent().getName().matches("[0-9a-f]{64}")) landed++;
        assertThat(landed).isEqualTo(160);
        for (String local : List.of("private/landing", "private/validated", "private/metrics",
                "private/runs/1/curated", "private/runs/1/quarantine", "private/runs/1/findings")) {
            assertThat(clusterOut.resolve(local)).doesNotExist();
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
