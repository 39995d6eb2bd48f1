package org.glasshouse.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens a file for reading without ever hanging the run. Entries are classified before they are opened, so a pipe
 * is normally never opened; but a partner can swap a file for a pipe between the check and the open, and opening
 * a pipe blocks until someone writes to it. The open therefore runs on a helper thread; if it has not returned in
 * time, the pipe's write end is opened once (which lets the stuck open return at once) and the entry is refused.
 */
final class NonBlockingOpen {

    private static final ExecutorService OPENER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "glasshouse-open");
        t.setDaemon(true);
        return t;
    });

    private NonBlockingOpen() {}

    static FileChannel open(Path file, boolean followLinks, Duration timeout) throws IOException {
        OpenOption[] options = followLinks ? new OpenOption[] {StandardOpenOption.READ}
                : new OpenOption[] {StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS};
        CompletableFuture<FileChannel> opening = CompletableFuture.supplyAsync(() -> {
            try {
                return FileChannel.open(file, options);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, OPENER);
        try {
            return opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            release(file, opening);
            throw new IOException("opening did not complete within " + timeout.toMillis() + " ms (not a regular file?)");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) throw u.getCause();
            throw new IOException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(file, opening);
            throw new IOException("interrupted while opening " + file, e);
        }
    }

    /** Lets a stuck open of a pipe return (a writer appears), then closes whatever it opened. */
    private static void release(Path file, CompletableFuture<FileChannel> opening) {
        opening.thenAccept(NonBlockingOpen::closeQuietly);
        CompletableFuture.runAsync(() -> {
            try (FileChannel w = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                // nothing written: opening the write end is enough
            } catch (IOException | RuntimeException ignored) {
                // not a pipe any more, or gone: nothing is waiting on it
            }
        }, OPENER);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // best effort
        }
    }
}
