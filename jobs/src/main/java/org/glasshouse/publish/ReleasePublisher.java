package org.glasshouse.publish;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a staged site as a new immutable release folder, verifies it by re-reading every checksum, flushes
 * every file and folder of it to disk, and only then switches the public entry point (a symbolic link) to it with
 * one atomic rename, itself flushed. A run that dies before the rename leaves the previous release and the entry
 * point exactly as they were; a power loss after it cannot leave the entry point on a release whose bytes were
 * still in memory.
 */
public final class ReleasePublisher {

    private static final Logger log = LoggerFactory.getLogger(ReleasePublisher.class);

    /** Points of a publish at which a failure or kill is tested (the listener is a test seam; default no-op). */
    public enum Stage { COPIED, CHECKSUMMED, VERIFIED, SYNCED, MOVED, SWITCHED }

    /** How files and folders are flushed (a test seam; {@link Durable} by default). */
    interface Flush {
        void tree(Path root) throws IOException;

        void folder(Path dir) throws IOException;

        Flush DISK = new Flush() {
            @Override
            public void tree(Path root) throws IOException {
                Durable.fsyncTree(root);
            }

            @Override
            public void folder(Path dir) throws IOException {
                Durable.fsyncDirectory(dir);
            }
        };
    }

    private final Path releases;
    private final Path entryPoint;
    private final java.util.function.Consumer<Stage> listener;
    private final Flush flush;

    public ReleasePublisher(Path releases, Path entryPoint) {
        this(releases, entryPoint, stage -> {});
    }

    public ReleasePublisher(Path releases, Path entryPoint, java.util.function.Consumer<Stage> listener) {
        this(releases, entryPoint, listener, Flush.DISK);
    }

    ReleasePublisher(Path releases, Path entryPoint, java.util.function.Consumer<Stage> listener, Flush flush) {
        this.releases = releases;
        this.entryPoint = entryPoint;
        this.listener = listener;
        this.flush = flush;
    }

    public Path publish(Path staged, String releaseId) throws IOException {
        Path release = releases.resolve(releaseId);
        if (Files.exists(release)) {
            // A restarted publish finds its own complete release; anything else is never overwritten.
            List<String> bad = Checksums.verify(release);
            if (!bad.isEmpty()) {
                throw new IOException("Release " + release + " already exists and does not verify: " + bad);
            }
            // A run that died after the move may not have had its bytes on disk yet.
            flush.tree(release);
            flush.folder(releases);
        } else {
            Files.createDirectories(releases);
            Path incoming = releases.resolve(".incoming-" + releaseId);
            deleteTree(incoming);
            copyTree(staged, incoming);
            listener.accept(Stage.COPIED);
            Checksums.write(incoming);
            listener.accept(Stage.CHECKSUMMED);
            List<String> bad = Checksums.verify(incoming);
            if (!bad.isEmpty()) throw new IOException("Staged release does not verify: " + bad);
            listener.accept(Stage.VERIFIED);
            flush.tree(incoming);
            listener.accept(Stage.SYNCED);
            Files.move(incoming, release, StandardCopyOption.ATOMIC_MOVE);
            flush.folder(releases);
            listener.accept(Stage.MOVED);
        }
        switchEntryPoint(release);
        listener.accept(Stage.SWITCHED);
        log.info("Published release {} at {}", releaseId, entryPoint);
        return release;
    }

    private void switchEntryPoint(Path release) throws IOException {
        if (Files.exists(entryPoint) && !Files.isSymbolicLink(entryPoint)) {
            throw new FileAlreadyExistsException(entryPoint.toString(), null,
                    "the public entry point is a real folder, not a link to a release; move it away first");
        }
        Path link = entryPoint.resolveSibling("." + entryPoint.getFileName() + ".next");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, entryPoint.getParent().relativize(release));
        Files.move(link, entryPoint, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        flush.folder(entryPoint.toAbsolutePath().getParent());
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
