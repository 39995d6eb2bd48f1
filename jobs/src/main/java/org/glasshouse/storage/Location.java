package org.glasshouse.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FilterFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * A file or folder on any Hadoop file system ({@code file:}, {@code hdfs://}, {@code s3a://}): an immutable,
 * serialisable URI string, so it can travel in job parameters and Spark closures. A plain path ({@code /data/out},
 * {@code out}) is a local path, made absolute, exactly as before URIs were accepted.
 *
 * <p>Driver-side I/O goes through Hadoop's {@link FileSystem} with the store settings of {@link HadoopStores}; Spark
 * readers and writers take {@link #sparkPath()}. Where the location is on the local file system {@link #local()}
 * gives the java.nio path, so local behaviour (hard links, fsync, atomic moves) stays what it was. Behaviour that
 * differs between stores is chosen by what the file system reports ({@code hasPathCapability}), never by scheme.
 */
public record Location(String uri) implements Serializable {

    public Location {
        if (uri == null || uri.isBlank()) throw new IllegalArgumentException("empty location");
    }

    /** {@code /data/out} or {@code out} (local, made absolute) or a URI with a scheme ({@code hdfs://nn/x}). */
    public static Location of(String pathOrUri) {
        String s = pathOrUri.trim();
        if (!isUri(s)) return of(java.nio.file.Path.of(s));
        return new Location(new Path(s).toString());
    }

    public static Location of(java.nio.file.Path local) {
        return new Location(new Path(local.toAbsolutePath().normalize().toUri()).toString());
    }

    /** Whether the text names a URI with a scheme (two letters or more: a Windows drive letter is a path). */
    public static boolean isUri(String s) {
        int colon = s.indexOf(':');
        if (colon < 2) return false;
        for (int i = 0; i < colon; i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) return false;
        }
        return Character.isLetter(s.charAt(0));
    }

    public Path path() {
        return new Path(uri);
    }

    /** What {@code spark.read()} and {@code Dataset.write()} take. */
    public String sparkPath() {
        return uri;
    }

    public String name() {
        return path().getName();
    }

    /** A child: {@code resolve("a/b")} or {@code resolve("a", "b")}. */
    public Location resolve(String... children) {
        Path p = path();
        for (String c : children) {
            for (String part : c.split("/")) {
                if (!part.isEmpty()) p = new Path(p, part);
            }
        }
        return new Location(p.toString());
    }

    public Location parent() {
        return new Location(path().getParent().toString());
    }

    @Override
    public String toString() {
        return uri;
    }

    /** The file system holding this location; on {@code file:} the raw one (no .crc side files). */
    public FileSystem fs() {
        try {
            FileSystem fs = FileSystem.get(path().toUri(), HadoopStores.conf());
            while (fs instanceof FilterFileSystem f && f.getRawFileSystem() instanceof RawLocalFileSystem) {
                fs = f.getRawFileSystem();
            }
            return fs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the file system of " + uri + ": " + e.getMessage(), e);
        }
    }

    /** The java.nio path when this location is on the local file system, else empty. */
    public Optional<java.nio.file.Path> local() {
        FileSystem fs = fs();
        return fs instanceof RawLocalFileSystem raw ? Optional.of(raw.pathToFile(path()).toPath()) : Optional.empty();
    }

    public boolean isLocal() {
        return local().isPresent();
    }

    public boolean exists() throws IOException {
        return fs().exists(path());
    }

    public boolean isDirectory() throws IOException {
        FileSystem fs = fs();
        try {
            return fs.getFileStatus(path()).isDirectory();
        } catch (java.io.FileNotFoundException e) {
            return false;
        }
    }

    public boolean isFile() throws IOException {
        try {
            return fs().getFileStatus(path()).isFile();
        } catch (java.io.FileNotFoundException e) {
            return false;
        }
    }

    /** The entries directly inside this folder, by name; empty when it does not exist. */
    public List<Location> list() throws IOException {
        FileSystem fs = fs();
        if (!fs.exists(path())) return List.of();
        List<Location> out = new ArrayList<>();
        for (FileStatus s : fs.listStatus(path())) out.add(new Location(s.getPath().toString()));
        out.sort(java.util.Comparator.comparing(Location::name));
        return out;
    }

    public void mkdirs() throws IOException {
        fs().mkdirs(path());
    }

    public void delete() throws IOException {
        fs().delete(path(), true);
    }

    public InputStream open() throws IOException {
        return fs().open(path());
    }

    public byte[] readAllBytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    /** A new file; refuses to replace an existing one unless {@code overwrite}. */
    public OutputStream create(boolean overwrite) throws IOException {
        return fs().create(path(), overwrite);
    }

    /**
     * Writes the file so that a reader sees the old content or the new, never a part: where output is only visible
     * when the stream closes (object stores: one PUT), one write; elsewhere a temporary sibling renamed over it (an
     * atomic replacing rename on HDFS and POSIX file systems).
     */
    public void writeAtomically(byte[] bytes) throws IOException {
        FileSystem fs = fs();
        Path target = path();
        fs.mkdirs(target.getParent());
        if (fs.hasPathCapability(target.getParent(), CommonPathCapabilities.ABORTABLE_STREAM)) {
            try (OutputStream out = fs.create(target, true)) {
                out.write(bytes);
            }
            return;
        }
        Path tmp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        try (OutputStream out = fs.create(tmp, false)) {
            out.write(bytes);
        }
        replace(fs, tmp, target);
    }

    /** Renames {@code from} over this location, replacing it atomically where the store can. */
    public void replaceWith(Location from) throws IOException {
        replace(fs(), from.path(), path());
    }

    private static void replace(FileSystem fs, Path tmp, Path target) throws IOException {
        if (!replaceAtomically(fs, tmp, target)) {
            fs.delete(target, false);
            if (!fs.rename(tmp, target)) throw new IOException("cannot rename " + tmp + " to " + target);
        }
    }

    /**
     * Renames {@code tmp} over {@code target} with the store's atomic replacing rename (HDFS rename with OVERWRITE,
     * POSIX rename on {@code file:}); false, with nothing changed, where the store has none.
     */
    static boolean replaceAtomically(FileSystem fs, Path tmp, Path target) throws IOException {
        FileSystem raw = fs;
        while (raw instanceof FilterFileSystem filter) raw = filter.getRawFileSystem();
        if (raw instanceof DistributedFileSystem hdfs) {
            hdfs.rename(tmp, target, Options.Rename.OVERWRITE);
            return true;
        }
        if (raw instanceof RawLocalFileSystem local) {
            Files.move(local.pathToFile(tmp).toPath(), local.pathToFile(target).toPath(),
                    StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        }
        return false;
    }

    /** Copies a local file or folder tree here (a folder's files under this location). */
    public void copyFromLocal(java.nio.file.Path from) throws IOException {
        fs().copyFromLocalFile(false, true, new Path(from.toAbsolutePath().toUri()), path());
    }

    /** Copies this file or folder tree to a local path (a folder's files under {@code to}). */
    public void copyToLocal(java.nio.file.Path to) throws IOException {
        FileSystem fs = fs();
        if (fs.getFileStatus(path()).isFile()) {
            Files.createDirectories(to.toAbsolutePath().getParent());
            try (InputStream in = fs.open(path())) {
                Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
            }
            return;
        }
        Files.createDirectories(to);
        for (FileStatus s : fs.listStatus(path())) {
            new Location(s.getPath().toString()).copyToLocal(to.resolve(s.getPath().getName()));
        }
    }

    /** The URI form, e.g. for messages. */
    public URI toUri() {
        return path().toUri();
    }

    /** A Hadoop configuration for readers on executors; see {@link HadoopStores#conf()}. */
    public static Configuration conf() {
        return HadoopStores.conf();
    }
}
