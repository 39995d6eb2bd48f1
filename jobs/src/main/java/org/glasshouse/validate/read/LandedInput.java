package org.glasshouse.validate.read;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.glasshouse.storage.HadoopStores;
import org.glasshouse.storage.Location;

/**
 * Opens a landed file by the text a {@link ParseTask} carries: a local path (the landing zone on the local disk, read
 * with java.nio exactly as before) or a URI of another store ({@code hdfs://}, {@code s3a://}), read through Hadoop's
 * {@link FileSystem} with the configuration given (on executors the broadcast one, see {@link FileParser}).
 *
 * <p>Failing to open or read the landed copy on a store is the agency's fault, as a missing local file is: such
 * failures surface as a {@link FileSystemException}, which {@link ReadFailure#isAgencyFault} recognises, so they fail
 * the run and are never blamed on the partner.
 */
public final class LandedInput {

    private LandedInput() {}

    /** What a task carries for a landed file: its local path when on the local disk, else its URI. */
    public static String of(Location file) {
        return file.local().map(Path::toString).orElse(file.uri());
    }

    /** The java.nio path of a local file (a plain path or a file: URI), or null for another store. */
    static Path local(String file) {
        if (!Location.isUri(file)) return Path.of(file);
        java.net.URI uri = new org.apache.hadoop.fs.Path(file).toUri();
        return "file".equalsIgnoreCase(uri.getScheme()) ? Path.of(uri.getPath()) : null;
    }

    /** The file name, for messages. */
    static String name(String file) {
        Path local = local(file);
        return local != null ? local.getFileName().toString() : new org.apache.hadoop.fs.Path(file).getName();
    }

    /** The driver's store settings, where no broadcast configuration is at hand. */
    static Configuration driverConf() {
        return HadoopStores.conf();
    }

    static InputStream open(String file, Configuration conf) throws IOException {
        Path local = local(file);
        if (local != null) return Files.newInputStream(local);
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
        InputStream in;
        try {
            in = p.getFileSystem(conf).open(p);
        } catch (IOException e) {
            throw storage(file, e);
        }
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw storage(file, e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (IOException e) {
                    throw storage(file, e);
                }
            }
        };
    }

    static long size(String file, Configuration conf) throws IOException {
        Path local = local(file);
        if (local != null) return Files.size(local);
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
        try {
            return p.getFileSystem(conf).getFileStatus(p).getLen();
        } catch (IOException e) {
            throw storage(file, e);
        }
    }

    /**
     * The file on the local disk, for readers that need random access (a workbook is a zip): the file itself when
     * local, else a temporary copy (the file's size was checked against the size limit before it was read at all)
     * deleted when closed.
     */
    static LocalFile localFile(String file, Configuration conf) throws IOException {
        Path local = local(file);
        if (local != null) return new LocalFile(local, false);
        Path tmp = Files.createTempFile("glasshouse-landed-", "-" + name(file));
        try (InputStream in = open(file, conf)) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new LocalFile(tmp, true);
    }

    /** A landed file on the local disk; a temporary copy is deleted on close. */
    record LocalFile(Path path, boolean temporary) implements Closeable {
        @Override
        public void close() throws IOException {
            if (temporary) Files.deleteIfExists(path);
        }
    }

    /** The store failed: the agency's fault (see {@link ReadFailure}). */
    static FileSystemException storage(String file, IOException cause) {
        FileSystemException e = new FileSystemException(file, null, cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        e.initCause(cause);
        return e;
    }
}
