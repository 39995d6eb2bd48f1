package org.glasshouse.validate.units;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.parquet.SparkToParquetSchemaConverter;
import org.apache.spark.sql.types.StructType;
import org.glasshouse.ingest.LandedFile;
import org.glasshouse.storage.Location;
import org.glasshouse.validate.DatasetValidator;

/**
 * Validation results kept per landed file ({@code <root>/<dataset>/<file id>/<key>/}: unit.json and one folder of
 * Parquet files per output kind), so a night validates only its new and changed files. A unit is reused while its
 * key is unchanged: the file's bytes and landing record, the code and every setting, the reference data the
 * dataset's checks read, and (for datasets with cross-file checks) the files that arrived before it. A run's
 * curated, quarantine and findings folders are hard links to its files' units (no copy, no Spark job).
 * Units of files no longer active are removed at the end of each dataset (earlier runs keep their links).
 *
 * <p>The root may be on any Hadoop store ({@link Location}). On the local file system everything is as described
 * (java.nio, hard links, atomic moves). Elsewhere (HDFS, S3) it goes through Hadoop's {@link FileSystem}: a pass's
 * part files are renamed from the staging folder into the unit's folder and unit.json is written after them, so it
 * stays the commit marker (a folder without it is no unit and is replaced); a run's folders get copies of the
 * units' files (no hard links there; a unit is reused by later runs, so it cannot be moved), read and written
 * once through the store.
 */
public final class FileUnits {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNIT_FILE = "unit.json";
    private static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

    private final Location root;
    /** The root on the local file system (today's java.nio code path), or null on another store. */
    private final Path local;
    private final String baseKey;

    /** @param baseKey what every unit depends on beyond its file: the code and all settings */
    public FileUnits(Path root, String baseKey) {
        this(Location.of(root), baseKey);
    }

    /** Units on any store; see the class comment. */
    public FileUnits(Location root, String baseKey) {
        this.root = root;
        this.local = root.local().map(p -> p.toAbsolutePath().normalize()).orElse(null);
        this.baseKey = baseKey;
    }

    /** A store nothing is reused from (a fresh key), for one-off validations. */
    public static FileUnits throwaway(Path root) {
        return new FileUnits(root, "throwaway-" + UUID.randomUUID());
    }

    public Location root() {
        return root;
    }

    /**
     * The key of one file's unit. {@code reference} is the key of the reference data the dataset's checks read;
     * {@code before} names the files that arrived before it (empty when no check of the dataset reads other files).
     */
    public String key(String dataset, String reference, LandedFile f, String before) {
        String landed;
        try {
            // Every field of the landing record but the run that landed it: names and sources appear in findings.
            landed = JSON.writeValueAsString(new LandedFile(f.sha256(), f.size(), f.partnerId(), f.dataset(),
                    f.format(), f.originalName(), f.source(), f.path(), f.arrivedAt(), f.submittedAt(), null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sha256("glasshouse-file-unit-v1\n" + baseKey + "\n" + dataset + "\n" + reference + "\n" + landed
                + "\n" + sha256(before));
    }

    private Path dir(String dataset, String fileId) {
        return local.resolve(dataset).resolve(fileId);
    }

    public Location unitDir(String dataset, String fileId, String key) {
        return root.resolve(dataset, fileId, key);
    }

    private Path localUnitDir(String dataset, String fileId, String key) {
        return dir(dataset, fileId).resolve(key);
    }

    /** The complete unit of this file with this key, if one was saved. */
    public Optional<FileUnit> load(String dataset, String fileId, String key) throws IOException {
        FileUnit u;
        if (local != null) {
            Path f = localUnitDir(dataset, fileId, key).resolve(UNIT_FILE);
            if (!Files.isRegularFile(f)) return Optional.empty();
            u = JSON.readValue(f.toFile(), FileUnit.class);
        } else {
            Location f = unitDir(dataset, fileId, key).resolve(UNIT_FILE);
            if (!f.isFile()) return Optional.empty();
            u = JSON.readValue(f.readAllBytes(), FileUnit.class);
        }
        return key.equals(u.key()) ? Optional.of(u) : Optional.empty();
    }

    /** A fresh folder for one pass's Spark outputs (on the units' store, so saving a unit renames, never copies). */
    public Location staging(String dataset) throws IOException {
        Location p = root.resolve(dataset, ".staging-" + UUID.randomUUID());
        if (local != null) Files.createDirectories(p.local().orElseThrow());
        else p.mkdirs();
        return p;
    }

    /** Removes a staging folder. */
    public void discard(Location staging) throws IOException {
        if (local != null) deleteTree(staging.local().orElseThrow());
        else staging.delete();
    }

    /**
     * Saves a unit from a pass's staging folder (its files under {@code <kind>/gh_file=<file id>/}), replacing an
     * earlier unit of the same key; unit.json is written last, so a unit is complete or absent.
     */
    public void save(String dataset, FileUnit unit, Location staging) throws IOException {
        String fileId = unit.account().fileId();
        if (local == null) {
            saveThroughStore(dataset, unit, staging);
            return;
        }
        Path stagingDir = staging.local().orElseThrow();
        Path target = localUnitDir(dataset, fileId, unit.key());
        Path tmp = dir(dataset, fileId).resolve(".tmp-" + UUID.randomUUID());
        for (DatasetValidator.Kind k : DatasetValidator.Kind.values()) {
            Path into = tmp.resolve(k.folder());
            Files.createDirectories(into);
            Path from = stagingDir.resolve(k.folder()).resolve(DatasetValidator.UNIT + "=" + fileId);
            if (!Files.isDirectory(from)) continue;
            try (Stream<Path> s = Files.list(from)) {
                for (Path p : s.filter(FileUnits::isData).toList()) Files.move(p, into.resolve(p.getFileName()));
            }
        }
        Files.write(tmp.resolve(UNIT_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(unit));
        if (Files.exists(target)) deleteTree(target);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * {@link #save} on a store without java.nio: the earlier unit of the key (if any) is removed first, the part
     * files renamed into the unit's folder, unit.json written last (one object on S3; a folder renames file by file
     * there, so no folder is renamed). A crash before unit.json leaves a folder that {@link #load} ignores.
     */
    private void saveThroughStore(String dataset, FileUnit unit, Location staging) throws IOException {
        String fileId = unit.account().fileId();
        Location target = unitDir(dataset, fileId, unit.key());
        FileSystem fs = target.fs();
        if (fs.exists(target.path())) fs.delete(target.path(), true);
        for (DatasetValidator.Kind k : DatasetValidator.Kind.values()) {
            Location into = target.resolve(k.folder());
            fs.mkdirs(into.path());
            Location from = staging.resolve(k.folder(), DatasetValidator.UNIT + "=" + fileId);
            for (Location p : from.list()) {
                if (!isData(p.name())) continue;
                if (!fs.rename(p.path(), into.resolve(p.name()).path())) {
                    throw new IOException("cannot move " + p + " into " + into);
                }
            }
        }
        try (java.io.OutputStream out = target.resolve(UNIT_FILE).create(false)) {
            out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(unit));
        }
    }

    /** Rewrites a saved unit's record (its data files unchanged). */
    public void update(String dataset, FileUnit unit) throws IOException {
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(unit);
        if (local == null) {
            unitDir(dataset, unit.account().fileId(), unit.key()).resolve(UNIT_FILE).writeAtomically(bytes);
            return;
        }
        Path f = localUnitDir(dataset, unit.account().fileId(), unit.key()).resolve(UNIT_FILE);
        Path tmp = f.resolveSibling(UNIT_FILE + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The Parquet files of one output kind of a unit, by name. */
    public List<Location> files(String dataset, FileUnit unit, DatasetValidator.Kind kind) throws IOException {
        if (local == null) {
            List<Location> out = new ArrayList<>();
            for (Location p : unitDir(dataset, unit.account().fileId(), unit.key()).resolve(kind.folder()).list()) {
                if (isData(p.name())) out.add(p);
            }
            return out;
        }
        return localFiles(dataset, unit, kind).stream().map(Location::of).toList();
    }

    private List<Path> localFiles(String dataset, FileUnit unit, DatasetValidator.Kind kind) throws IOException {
        Path d = localUnitDir(dataset, unit.account().fileId(), unit.key()).resolve(kind.folder());
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(FileUnits::isData).sorted().toList();
        }
    }

    /**
     * Fills an output folder with hard links to the units' files, in the order given (names keep it: part-NNNNN-),
     * or, when no unit has a row of this kind, one Parquet file with the schema and no rows (readers of the folder
     * need a schema, as Spark writes for an empty table). Where the units or the folder are not on the local file
     * system, the files are copied through the store instead.
     */
    public void link(String dataset, List<FileUnit> units, DatasetValidator.Kind kind, Location out,
                     StructTypeSupplier emptySchema, SparkSession spark) throws IOException {
        Path localOut = local != null ? out.local().orElse(null) : null;
        if (localOut != null) {
            if (Files.exists(localOut)) deleteTree(localOut);
            Files.createDirectories(localOut);
        } else {
            out.delete();
            out.mkdirs();
        }
        int linked = 0;
        for (int i = 0; i < units.size(); i++) {
            FileUnit u = units.get(i);
            int j = 0;
            if (localOut != null) {
                for (Path p : localFiles(dataset, u, kind)) {
                    linkFile(p, localOut.resolve(partName(i, u, j++)));
                    linked++;
                }
                continue;
            }
            for (Location p : files(dataset, u, kind)) {
                copyFile(p, out.resolve(partName(i, u, j++)));
                linked++;
            }
        }
        if (linked == 0) {
            Location template = root.resolve(".templates", sha256(baseKey), dataset, kind.folder() + ".parquet");
            if (!template.isFile()) writeEmpty(emptySchema.get(), template, spark);
            String name = "part-00000-empty.snappy.parquet";
            if (localOut != null) linkFile(template.local().orElseThrow(), localOut.resolve(name));
            else copyFile(template, out.resolve(name));
        }
    }

    private static String partName(int unit, FileUnit u, int file) {
        return String.format(java.util.Locale.ROOT, "part-%05d-%s-%d.snappy.parquet", unit, u.account().fileId(), file);
    }

    /** Local folders: {@link #link(String, List, DatasetValidator.Kind, Location, StructTypeSupplier, SparkSession)}. */
    public void link(String dataset, List<FileUnit> units, DatasetValidator.Kind kind, Path out,
                     StructTypeSupplier emptySchema, SparkSession spark) throws IOException {
        link(dataset, units, kind, Location.of(out), emptySchema, spark);
    }

    /** Supplies a schema only when it is needed. */
    @FunctionalInterface
    public interface StructTypeSupplier {
        StructType get();
    }

    /** Removes units of files no longer active in the dataset, and other keys of the active ones. */
    public void prune(String dataset, Map<String, String> keyByFile) throws IOException {
        if (local == null) {
            for (Location f : root.resolve(dataset).list()) {
                String id = f.name();
                String keep = keyByFile.get(id);
                if (keep == null) {
                    f.delete();
                    continue;
                }
                for (Location k : f.list()) {
                    if (!k.name().equals(keep)) k.delete();
                }
            }
            return;
        }
        Path d = local.resolve(dataset);
        if (!Files.isDirectory(d)) return;
        List<Path> gone = new ArrayList<>();
        try (Stream<Path> s = Files.list(d)) {
            for (Path f : s.toList()) {
                String id = f.getFileName().toString();
                String keep = keyByFile.get(id);
                if (keep == null) {
                    gone.add(f);
                    continue;
                }
                try (Stream<Path> k = Files.list(f)) {
                    k.filter(p -> !p.getFileName().toString().equals(keep)).forEach(gone::add);
                }
            }
        }
        for (Path p : gone) deleteTree(p);
    }

    /** A Parquet file with Spark's schema and no row group: what Spark writes for an empty table, without a job. */
    static void writeEmpty(StructType schema, Path file, SparkSession spark) throws IOException {
        Files.createDirectories(file.getParent());
        MessageType type = new SparkToParquetSchemaConverter(spark.sessionState().conf()).convert(schema);
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID());
        ParquetFileWriter w = new ParquetFileWriter(new LocalOutputFile(tmp), type, ParquetFileWriter.Mode.CREATE,
                0, 0);
        w.start();
        w.end(Map.of(SPARK_SCHEMA_KEY, schema.json(), "org.apache.spark.version", spark.version()));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** {@link #writeEmpty(StructType, Path, SparkSession)} on any store (Hadoop's output file, then a rename). */
    static void writeEmpty(StructType schema, Location file, SparkSession spark) throws IOException {
        java.util.Optional<Path> localFile = file.local();
        if (localFile.isPresent()) {
            writeEmpty(schema, localFile.get(), spark);
            return;
        }
        MessageType type = new SparkToParquetSchemaConverter(spark.sessionState().conf()).convert(schema);
        Location tmp = file.parent().resolve("." + file.name() + "." + UUID.randomUUID());
        file.parent().mkdirs();
        ParquetFileWriter w = new ParquetFileWriter(HadoopOutputFile.fromPath(tmp.path(), Location.conf()), type,
                ParquetFileWriter.Mode.CREATE, 0, 0);
        w.start();
        w.end(Map.of(SPARK_SCHEMA_KEY, schema.json(), "org.apache.spark.version", spark.version()));
        file.replaceWith(tmp);
    }

    private static boolean isData(Path p) {
        return isData(p.getFileName().toString());
    }

    private static boolean isData(String n) {
        return n.endsWith(".parquet") && !n.startsWith(".") && !n.startsWith("_");
    }

    private static void linkFile(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to);
        }
    }

    /** One file copied through the stores' clients (no hard links off the local file system). */
    private static void copyFile(Location from, Location to) throws IOException {
        if (!FileUtil.copy(from.fs(), from.path(), to.fs(), to.path(), false, false, Location.conf())) {
            throw new IOException("cannot copy " + from + " to " + to);
        }
    }

    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        }
    }

    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
