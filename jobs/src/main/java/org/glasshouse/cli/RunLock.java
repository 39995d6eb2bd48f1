package org.glasshouse.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OS file locks under OUT/private, released by the OS when the process dies (even by kill -9), so a held lock
 * always means a live process:
 * <ul>
 *   <li>the <b>run</b> lock ({@code glasshouse.lock}), held for a whole run ({@code nightly}, {@code restart}): two
 *       runs never overlap; the holder's pid is written in it, for messages;</li>
 *   <li>the <b>repository</b> lock ({@code jobrepo.lock}), held by whoever has the job repository (the H2 file)
 *       open: a run for its whole length, {@code status} for the second it reads. An embedded H2 file admits one
 *       process at a time, so this turns "database in use" errors into a short wait or a clear "run in
 *       progress".</li>
 * </ul>
 * Both are taken before the job repository is opened. Each file has one channel per JVM (closing a second
 * channel on a locked file would drop the JVM's lock on some systems), so a lock this JVM holds is known here.
 */
public final class RunLock implements AutoCloseable {

    private static final Map<Path, RunLock> HELD = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The run lock, or null when another live process (or this one) holds it. */
    public static RunLock tryAcquire(Path file) throws IOException {
        RunLock l = tryLock(file);
        if (l != null) {
            l.channel.truncate(0);
            l.channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        }
        return l;
    }

    /** The job repository lock for OUT, waiting up to {@code wait} for a reader to finish; null if still held. */
    public static RunLock acquireRepository(Path out, Duration wait) throws IOException {
        Path file = repositoryLockFile(out);
        long until = System.nanoTime() + wait.toNanos();
        while (true) {
            RunLock l = tryLock(file);
            if (l != null || System.nanoTime() >= until) return l;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    public static Path repositoryLockFile(Path out) {
        return out.toAbsolutePath().normalize().resolve("private").resolve("jobrepo.lock");
    }

    /** Whether a live process holds the lock now (asking keeps nothing locked). */
    public static boolean held(Path file) throws IOException {
        Path key = key(file);
        if (HELD.containsKey(key)) return true;
        if (!Files.exists(key)) return false;
        RunLock probe = tryLock(key);
        if (probe == null) return true;
        probe.close();
        return false;
    }

    /** The pid the run's process wrote in the run lock, or "?". */
    public static String holderPid(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).trim();
            return s.matches("\\d+") ? s : "?";
        } catch (IOException e) {
            return "?";
        }
    }

    private static synchronized RunLock tryLock(Path file) throws IOException {
        Path key = key(file);
        if (HELD.containsKey(key)) return null;
        Files.createDirectories(key.getParent());
        FileChannel ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            ch.close();
            return null;
        }
        RunLock r = new RunLock(key, ch, l);
        HELD.put(key, r);
        return r;
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    @Override
    public synchronized void close() throws IOException {
        HELD.remove(file, this);
        if (lock.isValid()) lock.release();
        channel.close();
    }
}
