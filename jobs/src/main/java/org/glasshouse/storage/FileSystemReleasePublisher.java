package org.glasshouse.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.glasshouse.publish.Checksums;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a verified local release to a release store on any Hadoop file system ({@code file:}, {@code hdfs://},
 * {@code s3a://}): copies every file to {@code ROOT/releases/<id>/}, re-reads every copied file and checks its size
 * and SHA-256 against the release's SHA256SUMS, writes {@code _COMPLETE}, and only then points {@code ROOT/site.json}
 * at it. That pointer is the object-store equivalent of the local site symlink: a copy that fails or dies at any
 * point leaves it on the previous release. Releases are immutable; a partial folder of a failed attempt (one
 * without {@code _COMPLETE}) is never pointed at and is deleted by the next publish. Publish runs under the run
 * lock, so there is one writer (docs/storage-design.md, section 3).
 */
public final class FileSystemReleasePublisher {

    /** The commit marker of a copied and verified release folder; holds the SHA-256 of its SHA256SUMS. */
    public static final String COMPLETE = "_COMPLETE";
    private static final Logger log = LoggerFactory.getLogger(FileSystemReleasePublisher.class);

    private final FileSystem fs;
    private final Path root;
    private final Clock clock;

    /** {@code fs} must hold {@code root}; on {@code file:} the raw file system is used (no .crc side files). */
    public FileSystemReleasePublisher(FileSystem fs, Path root, Clock clock) {
        this.fs = fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
        this.root = this.fs.makeQualified(root);
        this.clock = clock;
    }

    /** Publishes to the store the settings name, through a file system instance of its own (closed afterwards). */
    public static SitePointer publish(StorageProperties settings, java.nio.file.Path release, String releaseId)
            throws IOException {
        URI uri = URI.create(settings.publishUri());
        if (uri.getScheme() == null) {
            throw new IllegalArgumentException("glasshouse.storage.publish-uri must be a URI with a scheme (file:, "
                    + "hdfs://, s3a://), not " + settings.publishUri());
        }
        try (FileSystem fs = FileSystem.newInstance(uri, settings.hadoopConfiguration())) {
            return new FileSystemReleasePublisher(fs, new Path(uri), Clock.systemUTC()).publish(release, releaseId);
        }
    }

    public SitePointer publish(java.nio.file.Path local, String releaseId) throws IOException {
        Map<String, String> sums = expectedSums(local);
        Path target = new Path(root, "releases/" + releaseId);
        String sumsHash = sums.get(Checksums.FILE);
        fs.mkdirs(root);
        removeIncomplete(releaseId);
        if (fs.exists(new Path(target, COMPLETE))) {
            // A restarted publish finds its own copy; it is trusted only after reading it back again.
            verify(target, local, sums, true);
        } else {
            if (fs.exists(target)) fs.delete(target, true); // this release's own partial copy of a failed attempt
            for (Map.Entry<String, String> e : sums.entrySet()) {
                copy(local.resolve(e.getKey()), new Path(target, e.getKey()), e.getValue());
            }
            verify(target, local, sums, false);
            write(new Path(target, COMPLETE), (sumsHash + "\n").getBytes(StandardCharsets.UTF_8));
        }
        SitePointer previous = pointer();
        if (previous != null && previous.release().equals(releaseId) && sumsHash.equals(previous.sha256sums())) {
            return previous; // a restart after the switch
        }
        SitePointer next = new SitePointer(releaseId, sumsHash, clock.instant().toString(),
                previous == null ? null : previous.release());
        switchPointer(next);
        log.info("Published release {} to {} ({} files) and pointed {} at it", releaseId, target, sums.size(),
                new Path(root, SitePointer.NAME));
        return next;
    }

    /** The store's current pointer, or null before the first publish. */
    public SitePointer pointer() throws IOException {
        Path pointer = new Path(root, SitePointer.NAME);
        if (!fs.exists(pointer)) return null;
        try (InputStream in = fs.open(pointer)) {
            return SitePointer.fromJson(in.readAllBytes());
        }
    }

    /**
     * Every file of the local release with its SHA-256 (SHA256SUMS last, with the hash of its own bytes). Refuses a
     * local release whose files are not exactly those SHA256SUMS lists.
     */
    private static Map<String, String> expectedSums(java.nio.file.Path local) throws IOException {
        java.nio.file.Path sumsFile = local.resolve(Checksums.FILE);
        if (!Files.isRegularFile(sumsFile)) throw new IOException(local + " has no " + Checksums.FILE);
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : Files.readAllLines(sumsFile, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) sums.put(line.substring(66), line.substring(0, 64));
        }
        List<String> onDisk;
        try (Stream<java.nio.file.Path> s = Files.walk(local)) {
            onDisk = s.filter(Files::isRegularFile).map(f -> local.relativize(f).toString().replace('\\', '/'))
                    .filter(n -> !n.equals(Checksums.FILE)).sorted().toList();
        }
        if (!onDisk.equals(sums.keySet().stream().sorted().toList())) {
            throw new IOException("Local release " + local + " does not match its " + Checksums.FILE
                    + ": files " + onDisk + ", listed " + sums.keySet());
        }
        sums.put(Checksums.FILE, Checksums.sha256(sumsFile));
        return sums;
    }

    /** Copies one file (never over an existing one), hashing the bytes it sends. */
    private void copy(java.nio.file.Path from, Path to, String expected) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(from), md);
             OutputStream out = fs.create(to, false)) {
            in.transferTo(out);
        }
        String sent = HexFormat.of().formatHex(md.digest());
        if (!sent.equals(expected)) {
            throw new IOException(from + " changed while it was published: SHA-256 " + sent + ", listed " + expected);
        }
    }

    /** Lists the copy and re-reads every file: the same names, sizes and SHA-256 as the local release, nothing else. */
    private void verify(Path target, java.nio.file.Path local, Map<String, String> sums, boolean completeMarker)
            throws IOException {
        Map<String, Long> copied = new TreeMap<>();
        String prefix = fs.makeQualified(target).toUri().getPath() + "/";
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(target, true);
        while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            copied.put(f.getPath().toUri().getPath().substring(prefix.length()), f.getLen());
        }
        if (completeMarker) copied.remove(COMPLETE);
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, String> e : sums.entrySet()) {
            String name = e.getKey();
            Long size = copied.remove(name);
            if (size == null) {
                bad.add(name + ": missing");
            } else if (size != Files.size(local.resolve(name))) {
                bad.add(name + ": " + size + " bytes, local " + Files.size(local.resolve(name)));
            } else if (!hash(new Path(target, name)).equals(e.getValue())) {
                bad.add(name + ": checksum differs");
            }
        }
        copied.keySet().forEach(name -> bad.add(name + ": not in the release"));
        if (!bad.isEmpty()) throw new IOException("Copy of release at " + target + " does not verify: " + bad);
    }

    private String hash(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(fs.open(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Partial copies of earlier failed publishes (no _COMPLETE): never pointed at, so safe to delete. */
    private void removeIncomplete(String current) throws IOException {
        Path releases = new Path(root, "releases");
        if (!fs.exists(releases)) return;
        for (FileStatus dir : fs.listStatus(releases)) {
            if (dir.isDirectory() && !dir.getPath().getName().equals(current)
                    && !fs.exists(new Path(dir.getPath(), COMPLETE))) {
                log.info("Deleting {}: a release copy that never completed", dir.getPath());
                fs.delete(dir.getPath(), true);
            }
        }
    }

    /**
     * Replaces site.json so that a reader sees the old or the new pointer, never a mix or none. Branches on what the
     * store guarantees, not on its scheme: where output becomes visible only when the stream closes (S3A: one PUT of
     * a small object, atomic and strongly consistent on S3), one write; elsewhere a temporary sibling renamed over the
     * pointer with an atomic replacing rename (HDFS rename with OVERWRITE, POSIX rename on {@code file:}).
     */
    private void switchPointer(SitePointer next) throws IOException {
        Path pointer = new Path(root, SitePointer.NAME);
        if (fs.hasPathCapability(root, CommonPathCapabilities.ABORTABLE_STREAM)) {
            try (OutputStream out = fs.create(pointer, true)) {
                out.write(next.toJson());
            }
            return;
        }
        Path tmp = new Path(root, "." + SitePointer.NAME + "." + next.release() + ".tmp");
        write(tmp, next.toJson());
        if (!Location.replaceAtomically(fs, tmp, pointer)) {
            fs.delete(tmp, false);
            throw new IOException("No atomic way to replace " + pointer + " on " + fs.getUri() + " ("
                    + fs.getClass().getName() + "); supported: file:, hdfs://, and object stores such as s3a://");
        }
    }

    private void write(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = fs.create(file, true)) {
            out.write(bytes);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
