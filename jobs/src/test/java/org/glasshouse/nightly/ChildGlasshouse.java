package org.glasshouse.nightly;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.glasshouse.CrashPoint;
import org.glasshouse.Glasshouse;

/**
 * Runs the command line ({@code glasshouse nightly|restart ...}) in a child JVM, as an operator would, so a crash
 * point can halt it like {@code kill -9} without taking the test JVM along (the pattern of
 * ReleasePublisherFailureTest). The child gets the test JVM's classpath and module opens, a small heap, the HMAC
 * key in its environment and Spark bound to 127.0.0.1.
 */
final class ChildGlasshouse {

    static final String SECRET = "fault-suite-secret";

    record Result(int exitCode, String log) {}

    private ChildGlasshouse() {}

    /** Runs {@code glasshouse args...}, halting at {@code crashAt} when not null; its output goes to {@code log}. */
    static Result run(Path log, String crashAt, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty")
                    || a.startsWith("-Djava.awt.headless")) {
                cmd.add(a);
            }
        }
        cmd.add("-Xmx1g");
        cmd.add("-XX:TieredStopAtLevel=1"); // short runs: C1 only, as the launcher does
        cmd.add("-XX:+UseSerialGC");
        if (crashAt != null) cmd.add("-D" + CrashPoint.PROPERTY + "=" + crashAt);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Glasshouse.class.getName());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("GLASSHOUSE_HMAC_SECRET", SECRET);
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("glasshouse " + args + " did not end in 10 minutes; log: " + log);
        }
        return new Result(p.exitValue(), Files.readString(log));
    }
}
