package org.glasshouse.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.glasshouse.reports.model.DataTable;

/**
 * Open-data Parquet files written by earlier builds, by a digest of the table ({@link TableDigest}) and the code. A
 * release whose table did not change copies the earlier file: no writer, and the same bytes (parquet-mr's footer
 * lists a column's encodings in an order that can differ between JVMs, so writing again is not byte-stable).
 * Kept privately; the newest {@link #MAX_FILES} stay.
 */
public final class ParquetCache {

    static final int MAX_FILES = 500;

    private final Path dir;
    private final String code;
    private int fetched;

    public ParquetCache(Path dir, String code) {
        this.dir = dir;
        this.code = code;
    }

    /** Writes the table's Parquet file, copying an earlier equal one when there is one. */
    public void write(ParquetTableWriter writer, DataTable table, Path file) throws IOException {
        Path cached = dir.resolve(key(table) + ".parquet");
        Files.createDirectories(file.getParent());
        if (Files.isRegularFile(cached)) {
            Files.copy(cached, file, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(cached, FileTime.fromMillis(System.currentTimeMillis()));
            fetched++;
            return;
        }
        writer.write(table, file);
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "table", ".tmp");
        try {
            Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public int fetched() {
        return fetched;
    }

    /** Drops the least recently used files beyond {@link #MAX_FILES}. */
    public void prune() throws IOException {
        if (!Files.isDirectory(dir)) return;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList());
        }
        if (files.size() <= MAX_FILES) return;
        files.sort((a, b) -> mtime(b).compareTo(mtime(a)));
        for (Path old : files.subList(MAX_FILES, files.size())) Files.deleteIfExists(old);
    }

    private static FileTime mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    String key(DataTable t) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("glasshouse-open-data-parquet-v1\n" + code + "\n").getBytes(StandardCharsets.UTF_8));
            TableDigest.update(md, t.name(), t);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
