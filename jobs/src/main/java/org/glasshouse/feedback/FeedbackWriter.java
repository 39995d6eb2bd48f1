package org.glasshouse.feedback;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.glasshouse.ingest.DatasetNaming;
import org.glasshouse.ingest.LandedFile;
import org.glasshouse.validate.FileAccount;

/**
 * Writes each partner's private feedback for a run: {@code <partner>/feedback.csv} (every finding, one line each,
 * written by Spark, so a partner's file may be as large as its problems) and {@code <partner>/feedback.html}
 * (counts per rule from a Spark aggregate, rendered by a Thymeleaf template).
 */
public final class FeedbackWriter {

    /** Examples shown per rule in the HTML summary. */
    static final int EXAMPLES = 3;
    /** The folder agency reference data's feedback goes to; a constant, never partner-supplied. */
    public static final String REFERENCE_FOLDER = "agency-reference";

    private final Path outDir;
    private final String runId;
    /**
     * Where Spark writes each partner's CSV before the driver takes it: null for beside the final file (today's
     * local path, the driver moves the part file); else a folder on a store every executor and the driver reach
     * (the curated store on a cluster without a shared disk), from which the driver copies the part file.
     */
    private final org.glasshouse.storage.Location sparkScratch;
    /** The reports written, by partner (kept so a later run with the same findings can render them again). */
    private final Map<String, FeedbackReport> reports = new LinkedHashMap<>();

    public Map<String, FeedbackReport> reports() {
        return reports;
    }

    public FeedbackWriter(Path outDir, String runId) {
        this(outDir, runId, null);
    }

    /** With Spark's CSV output under {@code sparkScratch} (see the field), or null for beside the final file. */
    public FeedbackWriter(Path outDir, String runId, org.glasshouse.storage.Location sparkScratch) {
        this.outDir = outDir;
        this.runId = runId;
        this.sparkScratch = sparkScratch;
    }

    /** Writes feedback for every partner with a file in the run; returns partner id → its folder. */
    public Map<String, Path> write(Dataset<Row> rows, List<FileAccount> accounts) throws IOException {
        // Read by several small queries below (flex names, rule counts, one CSV per partner): materialise once.
        Dataset<Row> feedback = rows.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        try {
            return writeAll(feedback, accounts);
        } finally {
            feedback.unpersist();
            if (sparkScratch != null) sparkScratch.delete();
        }
    }

    private Map<String, Path> writeAll(Dataset<Row> feedback, List<FileAccount> accounts) throws IOException {
        Map<String, List<FileAccount>> byPartner = new LinkedHashMap<>();
        accounts.stream().sorted(Comparator.comparing(FileAccount::partnerId).thenComparing(FileAccount::file))
                .forEach(a -> byPartner.computeIfAbsent(a.partnerId(), k -> new ArrayList<>()).add(a));
        Map<String, List<String>> flexKeys = flexKeys(feedback);
        Map<String, List<FeedbackReport.RuleLine>> rules = ruleLines(feedback, accounts);
        Map<String, Path> written = new LinkedHashMap<>();
        for (var e : byPartner.entrySet()) {
            Path dir = outDir.resolve(folder(e.getKey()));
            Files.createDirectories(dir);
            writeCsv(feedback.filter(col(FeedbackRows.PARTNER).equalTo(e.getKey())),
                    flexKeys.getOrDefault(e.getKey(), List.of()), dir,
                    sparkScratch == null ? null : sparkScratch.resolve(folder(e.getKey()), "_feedback-csv"));
            FeedbackReport report = report(e.getKey(), e.getValue(), rules.getOrDefault(e.getKey(), List.of()));
            writeHtml(dir, report);
            reports.put(e.getKey(), report);
            written.put(e.getKey(), dir);
            org.glasshouse.CrashPoint.reach("feedback"); // one partner's feedback written, the others not
        }
        return written;
    }

    /** Writes feedback.html of a partner's folder (a new file: a hard link to an earlier run's is replaced). */
    public static void writeHtml(Path dir, FeedbackReport report) throws IOException {
        Path html = dir.resolve("feedback.html");
        Files.deleteIfExists(html);
        Files.writeString(html, FeedbackHtml.render(report), StandardCharsets.UTF_8);
    }

    /** A partner id becomes a folder name only if it is a safe id (ingest already refuses others). */
    public static String folder(String partnerId) {
        if (LandedFile.REFERENCE.equals(partnerId)) return REFERENCE_FOLDER;
        if (!DatasetNaming.SAFE_ID.matcher(partnerId).matches()) {
            throw new IllegalArgumentException("partner id '" + partnerId + "' cannot name a folder");
        }
        return partnerId;
    }

    private FeedbackReport report(String partner, List<FileAccount> files, List<FeedbackReport.RuleLine> rules) {
        List<FeedbackReport.FileLine> lines = files.stream().map(a -> new FeedbackReport.FileLine(a.file(),
                a.dataset(), a.read(), a.accepted(), a.quarantined())).toList();
        long errors = rules.stream().filter(FeedbackReport.RuleLine::error).mapToLong(FeedbackReport.RuleLine::findings).sum();
        long warnings = rules.stream().filter(r -> !r.error()).mapToLong(FeedbackReport.RuleLine::findings).sum();
        return new FeedbackReport(partner, runId, lines, rules, files.stream().mapToLong(FileAccount::read).sum(),
                files.stream().mapToLong(FileAccount::accepted).sum(),
                files.stream().mapToLong(FileAccount::quarantined).sum(), errors, warnings);
    }

    /** Names of the flex_* columns each partner sent (a handful per partner: collected, not the rows). */
    private static Map<String, List<String>> flexKeys(Dataset<Row> feedback) {
        Map<String, List<String>> keys = new HashMap<>();
        Dataset<Row> k = feedback.filter(col(FeedbackRows.FLEX).isNotNull())
                .select(col(FeedbackRows.PARTNER), explode(map_keys(from_json(col(FeedbackRows.FLEX),
                        DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType)))).as("k"))
                .distinct();
        for (Row r : k.collectAsList()) keys.computeIfAbsent(r.getString(0), x -> new ArrayList<>()).add(r.getString(1));
        keys.values().forEach(l -> l.sort(null));
        return keys;
    }

    /** Findings and distinct rows per partner and rule, with a few examples each: small aggregates, collected. */
    private static Map<String, List<FeedbackReport.RuleLine>> ruleLines(Dataset<Row> feedback, List<FileAccount> accounts) {
        Map<String, Long> readByPartnerDataset = new HashMap<>();
        accounts.forEach(a -> readByPartnerDataset.merge(a.partnerId() + "|" + a.dataset(), a.read(), Long::sum));
        Column rowKey = concat(col(FeedbackRows.FILE_ID), lit(":"), col("row_number").cast("string"));
        List<Row> counts = feedback.groupBy(col(FeedbackRows.PARTNER), col("dataset"), col("rule_id"), col("severity"))
                .agg(count(lit(1)).as("n"), countDistinct(rowKey).as("rows"),
                        org.apache.spark.sql.functions.first(col("how_to_fix")).as("hint"),
                        org.apache.spark.sql.functions.collect_set(col("field_name")).as("fields"))
                .collectAsList();
        Map<String, List<FeedbackReport.Example>> examples = new HashMap<>();
        var w = Window.partitionBy(col(FeedbackRows.PARTNER), col("dataset"), col("rule_id"), col("severity"))
                .orderBy(col("file"), col("row_number"));
        for (Row r : feedback.withColumn("_n", row_number().over(w)).filter(col("_n").leq(EXAMPLES))
                .select(FeedbackRows.PARTNER, "dataset", "rule_id", "severity", "file", "row_number", "field_name",
                        "value_provided", "rule_message", "_n")
                .orderBy("_n").collectAsList()) {
            examples.computeIfAbsent(r.getString(0) + "|" + r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3),
                    k -> new ArrayList<>()).add(new FeedbackReport.Example(r.getString(4),
                    r.isNullAt(5) ? null : r.getLong(5), r.getString(6), r.getString(7), r.getString(8)));
        }
        Map<String, List<FeedbackReport.RuleLine>> out = new HashMap<>();
        for (Row r : counts) {
            String partner = r.getString(0);
            String dataset = r.getString(1);
            long n = r.getLong(4);
            long rows = r.getLong(5);
            long read = readByPartnerDataset.getOrDefault(partner + "|" + dataset, 0L);
            List<String> fields = new ArrayList<>(r.getList(7));
            fields.sort(null);
            String key = partner + "|" + dataset + "|" + r.getString(2) + "|" + r.getString(3);
            out.computeIfAbsent(partner, k -> new ArrayList<>()).add(new FeedbackReport.RuleLine(r.getString(2),
                    r.getString(3), dataset, String.join(", ", fields), n, rows, read,
                    read == 0 ? "" : String.format(Locale.ROOT, "%.2f%%", 100.0 * rows / read), r.getString(6),
                    examples.getOrDefault(key, List.of())));
        }
        // Errors before warnings, then the rules that touch most rows.
        Comparator<FeedbackReport.RuleLine> order = Comparator.comparing((FeedbackReport.RuleLine l) -> !l.error())
                .thenComparing(FeedbackReport.RuleLine::rowsAffected, Comparator.reverseOrder())
                .thenComparing(FeedbackReport.RuleLine::ruleId).thenComparing(FeedbackReport.RuleLine::dataset);
        out.values().forEach(l -> l.sort(order));
        return out;
    }

    /** One CSV per partner, sorted by file and row; Spark writes it, then it is moved to feedback.csv. */
    private static void writeCsv(Dataset<Row> rows, List<String> flexKeys, Path dir,
                                 org.glasshouse.storage.Location scratch) throws IOException {
        List<Column> cols = new ArrayList<>();
        for (String c : FeedbackRows.COLUMNS) {
            Column v = col(c).cast("string");
            cols.add((c.equals("value_provided") || c.equals("unique_id") ? guard(v) : v).as(c));
        }
        for (String k : flexKeys) cols.add(guard(get_json_object(col(FeedbackRows.FLEX), "$." + k)).as(k));
        Path tmp = dir.resolve("_feedback-csv");
        String sparkPath = scratch == null ? tmp.toString() : scratch.sparkPath();
        rows.orderBy(col("file").asc_nulls_first(), col("row_number").asc_nulls_first(), col("rule_id"))
                .select(cols.toArray(Column[]::new)).coalesce(1)
                .write().mode(SaveMode.Overwrite).option("header", "true").option("escape", "\"")
                // Values exactly as the partner sent them: Spark would trim them by default.
                .option("ignoreLeadingWhiteSpace", "false").option("ignoreTrailingWhiteSpace", "false")
                .option("encoding", "UTF-8").csv(sparkPath);
        Path target = dir.resolve("feedback.csv");
        if (scratch != null) {
            takePart(scratch, target, flexKeys);
            return;
        }
        Path part;
        try (Stream<Path> s = Files.list(tmp)) {
            part = s.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElse(null);
        }
        if (part == null || Files.size(part) == 0) {
            List<String> header = new ArrayList<>(FeedbackRows.COLUMNS);
            header.addAll(flexKeys);
            Files.writeString(target, String.join(",", header) + "\n", StandardCharsets.UTF_8);
        } else {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
        deleteTree(tmp);
    }

    /**
     * The part file Spark wrote under {@code scratch} (any store: the executors' output, listed and read through the
     * store's client), copied to the driver's {@code target}; the scratch folder is removed.
     */
    private static void takePart(org.glasshouse.storage.Location scratch, Path target, List<String> flexKeys)
            throws IOException {
        org.glasshouse.storage.Location part = scratch.list().stream()
                .filter(p -> p.name().startsWith("part-")).findFirst().orElse(null);
        Files.deleteIfExists(target);
        if (part == null || part.fs().getFileStatus(part.path()).getLen() == 0) {
            List<String> header = new ArrayList<>(FeedbackRows.COLUMNS);
            header.addAll(flexKeys);
            Files.writeString(target, String.join(",", header) + "\n", StandardCharsets.UTF_8);
        } else {
            part.copyToLocal(target);
        }
        scratch.delete();
    }

    /** A spreadsheet would run a cell starting with = + @ (or - before a non-number) as a formula: prefix a quote. */
    static Column guard(Column v) {
        return when(v.rlike("^([=+@\\t\\r]|-[^0-9.])"), concat(lit("'"), v)).otherwise(v);
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.delete(x);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
