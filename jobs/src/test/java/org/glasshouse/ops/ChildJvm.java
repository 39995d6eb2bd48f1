package org.glasshouse.ops;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The glasshouse command line in a child JVM (same classpath and Spark module opens as the tests), its output in a
 * log file, so a test can kill it (-9), signal it (SIGTERM) or wait for a line.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static ChildJvm start(Path log, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty")) cmd.add(a);
        }
        // The launcher's settings for short runs: C1 only, parallel GC, a modest heap.
        cmd.addAll(List.of("-Xmx1500m", "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "org.glasshouse.Glasshouse"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().putAll(env);
        return new ChildJvm(pb.start(), log);
    }

    public long pid() {
        return process.pid();
    }

    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Waits until the output has a line matching, failing with the output if the process ends or time runs out. */
    public String awaitLine(Predicate<String> line, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (String l : output().split("\n")) if (line.test(l)) return l;
            if (!process.isAlive()) throw new AssertionError("child exited " + process.exitValue() + ":\n" + output());
            Thread.sleep(200);
        }
        throw new AssertionError("no such line within " + timeout + ":\n" + output());
    }

    /** Waits until the output has {@code count} lines matching. */
    public void awaitLines(Predicate<String> line, int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (java.util.Arrays.stream(output().split("\n")).filter(line).count() >= count) return;
            if (!process.isAlive()) throw new AssertionError("child exited " + process.exitValue() + ":\n" + output());
            Thread.sleep(200);
        }
        throw new AssertionError(count + " such lines not seen within " + timeout + ":\n" + output());
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child still running after " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** SIGTERM. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: no shutdown hooks, no cleanup, like kill -9 or a power cut. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
