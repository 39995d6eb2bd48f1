package org.glasshouse.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on 127.0.0.1: one master and one worker, each a JVM started from the Spark home's
 * jars exactly as docs/operations.md tells an operator (ports chosen by the system). The worker launches each
 * executor in a JVM of its own. Start-up failures throw with the daemon's log, so CI fails loudly.
 */
final class StandaloneCluster implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(90);

    final SparkHome spark;
    final Path workDir;
    final String masterUrl;
    private final List<ChildJvm> daemons = new ArrayList<>();

    private StandaloneCluster(SparkHome spark, Path dir) throws IOException, InterruptedException {
        this.spark = spark;
        this.workDir = Files.createDirectories(dir.resolve("worker"));
        try {
            ChildJvm master = daemon("master", dir, "org.apache.spark.deploy.master.Master",
                    List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0"));
            masterUrl = master.awaitLine(Pattern.compile("Starting Spark master at (spark://127\\.0\\.0\\.1:\\d+)"), START);
            ChildJvm worker = daemon("worker", dir, "org.apache.spark.deploy.worker.Worker",
                    List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", "2",
                            "--memory", "2g", "--work-dir", workDir.toString(), masterUrl));
            worker.awaitLine(Pattern.compile("Successfully registered with master"), START);
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts a master and one worker (2 cores, 2 GiB for executors); logs and the worker's folders go in dir. */
    static StandaloneCluster start(SparkHome spark, Path dir) throws IOException, InterruptedException {
        return new StandaloneCluster(spark, dir);
    }

    /** The environment every Spark JVM here gets: a worker needs it to launch executors (STACK.md trap 12). */
    Map<String, String> environment() {
        return Map.of("SPARK_HOME", spark.home.toString(), "SPARK_SCALA_VERSION", "2.13",
                "SPARK_LOCAL_IP", "127.0.0.1");
    }

    private ChildJvm daemon(String name, Path dir, String mainClass, List<String> args) throws IOException {
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m"));
        jvm.addAll(JavaOpens.options());
        ChildJvm d = ChildJvm.start(name, dir, environment(), jvm, spark.classpath(), mainClass, args);
        daemons.add(d);
        return d;
    }

    /** Stops the worker (and its executors), then the master. */
    @Override
    public void close() throws InterruptedException {
        for (int i = daemons.size() - 1; i >= 0; i--) daemons.get(i).close();
        daemons.clear();
    }
}
