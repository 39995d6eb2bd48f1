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
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.parquet.SparkToParquetSchemaConverter;
import org.apache.spark.sql.types.StructType;
import org.glasshouse.ingest.LandedFile;
import org.glasshouse.validate.DatasetValidator;

/**
 * Validation results kept per landed file ({@code <root>/<dataset>/<file id>/<key>/}: unit.json and one folder of
 * Parquet files per output kind), so a night validates only its new and changed files. A unit is reused while its
 * key is unchanged: the file's bytes and landing record, the code and every setting, the reference data the
 * dataset's checks read, and (for datasets with cross-file checks) the files that arrived before it. A run's
 * curated, quarantine and findings folders are hard links to its files' units (no copy, no Spark job).
 * Units of files no longer active are removed at the end of each dataset (earlier runs keep their links).
 */
public final class FileUnits {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNIT_FILE = "unit.json";
    private static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

    private final Path root;
    private final String baseKey;

    /** @param baseKey what every unit depends on beyond its file: the code and all settings */
    public FileUnits(Path root, String baseKey) {
        this.root = root.toAbsolutePath().normalize();
        this.baseKey = baseKey;
    }

    /** A store nothing is reused from (a fresh key), for one-off validations. */
    public static FileUnits throwaway(Path root) {
        return new FileUnits(root, "throwaway-" + UUID.randomUUID());
    }

    public Path root() {
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
        return root.resolve(dataset).resolve(fileId);
    }

    public Path unitDir(String dataset, String fileId, String key) {
        return dir(dataset, fileId).resolve(key);
    }

    /** The complete unit of this file with this key, if one was saved. */
    public Optional<FileUnit> load(String dataset, String fileId, String key) throws IOException {
        Path f = unitDir(dataset, fileId, key).resolve(UNIT_FILE);
        if (!Files.isRegularFile(f)) return Optional.empty();
        FileUnit u = JSON.readValue(f.toFile(), FileUnit.class);
        return key.equals(u.key()) ? Optional.of(u) : Optional.empty();
    }

    /** A fresh folder for one pass's Spark outputs. */
    public Path staging(String dataset) throws IOException {
        Path p = root.resolve(dataset).resolve(".staging-" + UUID.randomUUID());
        Files.createDirectories(p);
        return p;
    }

    /**
     * Saves a unit from a pass's staging folder (its files under {@code <kind>/gh_file=<file id>/}), replacing an
     * earlier unit of the same key; unit.json is written last, so a unit is complete or absent.
     */
    public void save(String dataset, FileUnit unit, Path staging) throws IOException {
        String fileId = unit.account().fileId();
        Path target = unitDir(dataset, fileId, unit.key());
        Path tmp = dir(dataset, fileId).resolve(".tmp-" + UUID.randomUUID());
        for (DatasetValidator.Kind k : DatasetValidator.Kind.values()) {
            Path into = tmp.resolve(k.folder());
            Files.createDirectories(into);
            Path from = staging.resolve(k.folder()).resolve(DatasetValidator.UNIT + "=" + fileId);
            if (!Files.isDirectory(from)) continue;
            try (Stream<Path> s = Files.list(from)) {
                for (Path p : s.filter(FileUnits::isData).toList()) Files.move(p, into.resolve(p.getFileName()));
            }
        }
        Files.write(tmp.resolve(UNIT_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(unit));
        if (Files.exists(target)) deleteTree(target);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Rewrites a saved unit's record (its data files unchanged). */
    public void update(String dataset, FileUnit unit) throws IOException {
        Path f = unitDir(dataset, unit.account().fileId(), unit.key()).resolve(UNIT_FILE);
        Path tmp = f.resolveSibling(UNIT_FILE + ".tmp");
        Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(unit));
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The Parquet files of one output kind of a unit, by name. */
    public List<Path> files(String dataset, FileUnit unit, DatasetValidator.Kind kind) throws IOException {
        Path d = unitDir(dataset, unit.account().fileId(), unit.key()).resolve(kind.folder());
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(FileUnits::isData).sorted().toList();
        }
    }

    /**
     * Fills an output folder with hard links to the units' files, in the order given (names keep it: part-NNNNN-),
     * or, when no unit has a row of this kind, one Parquet file with the schema and no rows (readers of the folder
     * need a schema, as Spark writes for an empty table).
     */
    public void link(String dataset, List<FileUnit> units, DatasetValidator.Kind kind, Path out,
                     StructTypeSupplier emptySchema, SparkSession spark) throws IOException {
        if (Files.exists(out)) deleteTree(out);
        Files.createDirectories(out);
        int linked = 0;
        for (int i = 0; i < units.size(); i++) {
            FileUnit u = units.get(i);
            int j = 0;
            for (Path p : files(dataset, u, kind)) {
                linkFile(p, out.resolve(String.format(java.util.Locale.ROOT, "part-%05d-%s-%d.snappy.parquet", i,
                        u.account().fileId(), j++)));
                linked++;
            }
        }
        if (linked == 0) {
            Path template = root.resolve(".templates").resolve(sha256(baseKey)).resolve(dataset)
                    .resolve(kind.folder() + ".parquet");
            if (!Files.isRegularFile(template)) writeEmpty(emptySchema.get(), template, spark);
            linkFile(template, out.resolve("part-00000-empty.snappy.parquet"));
        }
    }

    /** Supplies a schema only when it is needed. */
    @FunctionalInterface
    public interface StructTypeSupplier {
        StructType get();
    }

    /** Removes units of files no longer active in the dataset, and other keys of the active ones. */
    public void prune(String dataset, Map<String, String> keyByFile) throws IOException {
        Path d = root.resolve(dataset);
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

    private static boolean isData(Path p) {
        String n = p.getFileName().toString();
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
