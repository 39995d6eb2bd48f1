package org.glasshouse.validate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.glasshouse.contract.Contract;
import org.glasshouse.storage.Location;
import org.glasshouse.validate.read.FileFinding;
import org.glasshouse.validate.read.FileParser;
import org.glasshouse.validate.read.FileRule;
import org.glasshouse.validate.read.InputLimits;
import org.glasshouse.validate.read.ParseTask;
import org.glasshouse.validate.read.Pseudonymiser;
import org.glasshouse.validate.read.RawRows;
import org.glasshouse.validate.rules.CrossCheck;
import org.glasshouse.validate.rules.ContractChecks;
import org.glasshouse.validate.rules.ReferenceData;
import org.glasshouse.validate.rules.RowCheck;
import org.glasshouse.validate.rules.RuleInfo;
import org.glasshouse.validate.rules.SeverityPolicy;
import org.glasshouse.validate.rules.Violations;

/**
 * Validates every file of one dataset in Spark: parse, apply the contract and cross-dataset checks, then write
 * accepted rows to curated Parquet, rejected rows to quarantine Parquet (raw text and every broken rule), and
 * every violation (errors and warnings) to findings Parquet for partner feedback. Counts rows per file three ways
 * (read, accepted as written, quarantined as written) and returns them for the accounting check.
 */
public final class DatasetValidator {

    /** The three folders of one dataset, on any store (Spark writes them by {@link Location#sparkPath()}). */
    public record Outputs(Location curated, Location quarantine, Location findings) {
        /** Local folders. */
        public Outputs(Path curated, Path quarantine, Path findings) {
            this(Location.of(curated), Location.of(quarantine), Location.of(findings));
        }
    }

    private final SparkSession spark;
    private final List<CrossCheck> crossChecks;
    private final SeverityPolicy policy;
    private final Pseudonymiser pseudonymiser;

    public DatasetValidator(SparkSession spark, List<CrossCheck> crossChecks, SeverityPolicy policy,
                            Pseudonymiser pseudonymiser) {
        this.spark = spark;
        this.crossChecks = crossChecks;
        this.policy = policy;
        this.pseudonymiser = pseudonymiser;
    }

    public List<CrossCheck> crossChecks() {
        return crossChecks;
    }

    /**
     * Text rows of the given files, and the file events raised while reading them (rows with
     * {@link RawRows#FILE_EVENT} set); each file is parsed whole by one task, files spread over the cores.
     */
    public Dataset<Row> parse(Contract contract, List<ParseTask> tasks, InputLimits limits,
                              Map<String, Integer> fileOrder) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // A few files per partition: one task per small file costs more in scheduling than in parsing.
        int slices = Math.max(1, Math.min(tasks.size(), 2 * jsc.defaultParallelism()));
        // Rows leave the parser in Spark's internal form, each with its file's place in the order the files
        // arrived (which ranks duplicate keys): no per-field conversion of external Rows, no join.
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) order.put(tasks.get(i).fileId(), fileOrder.getOrDefault(tasks.get(i).fileId(), i));
        JavaRDD<org.apache.spark.sql.catalyst.InternalRow> rows = jsc.parallelize(tasks, slices)
                .flatMap(new org.glasshouse.validate.read.InternalRows(FileParser.forTasks(jsc, pseudonymiser, limits, tasks),
                        order));
        StructType schema = RawRows.schema(contract).add(RawRows.FILE_ORDER, DataTypes.IntegerType, false);
        return ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(rows.rdd(), schema, false);
    }

    /** Adds {@link Violations#COLUMN}; the row count is unchanged. */
    public Dataset<Row> check(Contract contract, Dataset<Row> parsed, ReferenceData reference) {
        Dataset<Row> rows = parsed;
        List<RowCheck> checks = new ArrayList<>(ContractChecks.of(contract));
        for (CrossCheck c : crossChecks) {
            if (c.appliesTo(contract.dataset())) {
                rows = c.prepare(rows, contract.dataset(), reference);
                checks.addAll(c.checks(contract.dataset()));
            }
        }
        return rows.withColumn(Violations.COLUMN, Violations.of(checks, policy));
    }

    /**
     * Fields of other files' rows the dataset's cross-file checks read ({@link CrossCheck#contextFields}), with the
     * lineage columns; empty when no check reads other files.
     */
    public List<String> contextColumns(Contract contract) {
        java.util.LinkedHashSet<String> fields = new java.util.LinkedHashSet<>();
        for (CrossCheck c : crossChecks) {
            if (c.appliesTo(contract.dataset())) fields.addAll(c.contextFields(contract.dataset()));
        }
        if (fields.isEmpty()) return List.of();
        List<String> cols = new ArrayList<>(List.of(RawRows.FILE_ID, RawRows.PARTNER_ID, RawRows.LINE));
        fields.forEach(f -> { if (!cols.contains(f)) cols.add(f); });
        return cols;
    }

    /** Schema of the context rows kept per file (see {@link #contextColumns}). */
    public StructType contextSchema(Contract contract) {
        StructType raw = RawRows.schema(contract);
        StructType out = new StructType();
        for (String c : contextColumns(contract)) out = out.add(raw.apply(c));
        return out;
    }

    /** The checks of the dataset whose verdicts read figures summed over every file ({@link CrossCheck#groupTotals}). */
    public List<CrossCheck.GroupTotals> groupTotals(String dataset) {
        List<CrossCheck.GroupTotals> out = new ArrayList<>();
        for (CrossCheck c : crossChecks) {
            if (c.appliesTo(dataset)) c.groupTotals(dataset).ifPresent(out::add);
        }
        return out;
    }

    /** Column that names a row's file in the staged (per-file) outputs. */
    public static final String UNIT = "gh_file";
    private static final String CONTEXT = "_context_row";

    /**
     * What validating some files of a dataset gives: their row accounting, the file events raised while reading
     * them, and for group-total checks each file's share of every group's figures (file → "check|group" → sums)
     * and the groups whose figures its verdicts read.
     */
    public record Pass(List<FileAccount> accounts, List<FileFinding> events,
                       Map<String, Map<String, double[]>> partials, Map<String, java.util.Set<String>> watched) {}

    /** The outputs of one pass, one folder of each per file: curated, quarantine, findings and context rows. */
    public enum Kind { CURATED, QUARANTINE, FINDINGS, CONTEXT;
        public String folder() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /**
     * Validates the given files of one dataset. {@code context} holds the readable rows of the dataset's other files
     * (in {@link #contextSchema} plus {@link RawRows#FILE_ORDER}), or null: cross-file checks see them as they would
     * see those files' rows, and they are never written. Outputs go under {@code staging/<kind>/gh_file=<file id>/}.
     */
    public Pass validate(Contract contract, List<ParseTask> tasks, ReferenceData reference, Location staging,
                         Map<String, String> fileNames, InputLimits limits, Map<String, Integer> fileOrder,
                         Dataset<Row> context) throws java.io.IOException {
        Dataset<Row> parsed = parse(contract, tasks, limits, fileOrder).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, Long> read = new HashMap<>();
            List<FileFinding> findings = new ArrayList<>();
            readCounts(parsed, read, findings);
            Dataset<Row> checked = checkedRows(contract, parsed, findings, reference, context)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Map<String, Map<String, double[]>> partials = new HashMap<>();
            Map<String, java.util.Set<String>> watched = new HashMap<>();
            try {
                Map<Kind, Dataset<Row>> outputs = outputs(contract, checked);
                for (var e : outputs.entrySet()) {
                    e.getValue().withColumn(UNIT, col(RawRows.FILE_ID)).write().mode(SaveMode.Overwrite)
                            .partitionBy(UNIT).parquet(staging.resolve(e.getKey().folder()).sparkPath());
                }
                List<CrossCheck.GroupTotals> totals = groupTotals(contract.dataset());
                for (int i = 0; i < totals.size(); i++) sharesOf(checked, i, totals.get(i), partials, watched);
            } finally {
                checked.unpersist();
            }
            Map<String, Long> accepted = writtenRows(staging.resolve(Kind.CURATED.folder()));
            Map<String, Long> quarantined = writtenRows(staging.resolve(Kind.QUARANTINE.folder()));
            List<FileAccount> accounts = new ArrayList<>();
            for (ParseTask t : tasks) {
                accounts.add(new FileAccount(t.fileId(), t.partnerId(), contract.dataset(),
                        fileNames.getOrDefault(t.fileId(), t.path()), read.getOrDefault(t.fileId(), 0L),
                        accepted.getOrDefault(t.fileId(), 0L), quarantined.getOrDefault(t.fileId(), 0L)));
            }
            return new Pass(accounts, findings, partials, watched);
        } finally {
            parsed.unpersist();
        }
    }

    /** The schema of each output of the dataset (no Spark job: the plan is only analysed). */
    public Map<Kind, StructType> outputSchemas(Contract contract, ReferenceData reference) {
        Dataset<Row> none = parse(contract, List.of(), InputLimits.defaults(), Map.of());
        Map<Kind, StructType> out = new java.util.EnumMap<>(Kind.class);
        outputs(contract, checkedRows(contract, none, List.of(), reference, null))
                .forEach((k, d) -> out.put(k, d.schema()));
        return out;
    }

    /** Parsed rows (file events dropped, broken files' rule on each row) checked; context rows taken out again. */
    private Dataset<Row> checkedRows(Contract contract, Dataset<Row> parsed, List<FileFinding> events,
                                     ReferenceData reference, Dataset<Row> context) {
        // A file that broke off while being read is incomplete: the rows read before the break are quarantined
        // under the file's rule (each row carries it; the partner hears of it once, by the file finding).
        Map<String, String> broken = new HashMap<>();
        for (FileFinding f : events) {
            if (FileRule.QUARANTINES_EVERY_ROW.contains(f.ruleId())) broken.putIfAbsent(f.fileId(), f.ruleId());
        }
        Dataset<Row> rows = parsed.filter(col(RawRows.FILE_EVENT).isNull());
        if (!broken.isEmpty()) {
            Column rule = lit(null).cast("string");
            for (var e : broken.entrySet()) {
                rule = when(col(RawRows.FILE_ID).equalTo(e.getKey()), lit(e.getValue())).otherwise(rule);
            }
            rows = rows.withColumn(RawRows.FILE_RULE, coalesce(rule, col(RawRows.FILE_RULE)));
        }
        if (context == null) return check(contract, rows, reference);
        rows = rows.withColumn(CONTEXT, lit(false));
        List<Column> cols = new ArrayList<>();
        java.util.Set<String> have = java.util.Set.of(context.columns());
        for (StructField f : rows.schema().fields()) {
            if (f.name().equals(CONTEXT)) cols.add(lit(true).as(CONTEXT));
            else if (have.contains(f.name())) cols.add(col(f.name()).cast(f.dataType()).as(f.name()));
            else cols.add(lit(null).cast(f.dataType()).as(f.name()));
        }
        rows = rows.union(context.select(cols.toArray(Column[]::new)));
        return check(contract, rows, reference).filter(not(col(CONTEXT))).drop(CONTEXT);
    }

    /** Accepted rows (typed), quarantined rows (raw text and every broken rule), findings, context rows. */
    private Map<Kind, Dataset<Row>> outputs(Contract contract, Dataset<Row> checked) {
        Map<Kind, Dataset<Row>> out = new java.util.EnumMap<>(Kind.class);
        Column error = Violations.hasError();
        out.put(Kind.CURATED, checked.filter(not(error)).select(TypedColumns.of(contract)));
        List<Column> q = new ArrayList<>(List.of(col(RawRows.FILE_ID), col(RawRows.PARTNER_ID),
                col(RawRows.LINE), col(RawRows.RAW), col(RawRows.FLEX), col(Violations.COLUMN)));
        contract.fieldNames().forEach(n -> q.add(col(n)));
        out.put(Kind.QUARANTINE, checked.filter(error).select(q.toArray(Column[]::new)));
        Column key = contract.key().isEmpty() ? lit(null).cast("string")
                : concat_ws(" | ", contract.key().stream().map(k -> col(k)).toArray(Column[]::new));
        out.put(Kind.FINDINGS, checked.select(col(RawRows.FILE_ID), col(RawRows.PARTNER_ID), col(RawRows.LINE),
                        key.as("unique_id"), col(RawRows.FLEX), explode(col(Violations.COLUMN)).as("v"))
                .select(col(RawRows.FILE_ID), col(RawRows.PARTNER_ID), col(RawRows.LINE), col("unique_id"),
                        col("v.*"), col(RawRows.FLEX)));
        List<String> ctx = contextColumns(contract);
        if (!ctx.isEmpty()) {
            out.put(Kind.CONTEXT, checked.filter(ContractChecks.readable())
                    .select(ctx.stream().map(c -> col(c)).toArray(Column[]::new)));
        }
        return out;
    }

    /** Each file's share of the check's group figures, and the groups its watched rows are in (one small query). */
    private static void sharesOf(Dataset<Row> checked, int index, CrossCheck.GroupTotals t,
                                 Map<String, Map<String, double[]>> partials, Map<String, java.util.Set<String>> watched) {
        List<Column> aggs = new ArrayList<>();
        for (Column s : t.sums()) aggs.add(org.apache.spark.sql.functions.sum(s));
        aggs.add(org.apache.spark.sql.functions.max(when(t.watched(), lit(1)).otherwise(lit(0))));
        Dataset<Row> g = checked.filter(col(t.group()).isNotNull())
                .groupBy(col(RawRows.FILE_ID), col(t.group()).cast("string"))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
        for (Row r : g.collectAsList()) {
            String group = index + "|" + r.getString(1);
            double[] sums = new double[t.sums().size()];
            for (int i = 0; i < sums.length; i++) sums[i] = r.isNullAt(2 + i) ? 0.0 : r.getDouble(2 + i);
            partials.computeIfAbsent(r.getString(0), k -> new java.util.TreeMap<>()).put(group, sums);
            if (r.getInt(2 + sums.length) == 1) {
                watched.computeIfAbsent(r.getString(0), k -> new java.util.TreeSet<>()).add(group);
            }
        }
    }

    /** Rows per file as actually written, from the Parquet footers of the staged files (no Spark job). */
    static Map<String, Long> writtenRows(Location kindDir) throws java.io.IOException {
        java.util.Optional<Path> local = kindDir.local();
        if (local.isPresent()) return writtenRows(local.get());
        Map<String, Long> rows = new HashMap<>();
        for (Location d : kindDir.list()) {
            String name = d.name();
            if (!name.startsWith(UNIT + "=") || !d.isDirectory()) continue;
            long n = 0;
            for (Location f : org.glasshouse.parquet.LocalParquet.dataFiles(d)) {
                try (var r = org.glasshouse.parquet.LocalParquet.open(f)) {
                    n += r.getRecordCount();
                }
            }
            rows.put(name.substring(UNIT.length() + 1), n);
        }
        return rows;
    }

    /** {@link #writtenRows(Location)} of a local folder. */
    static Map<String, Long> writtenRows(Path kindDir) throws java.io.IOException {
        Map<String, Long> rows = new HashMap<>();
        if (!java.nio.file.Files.isDirectory(kindDir)) return rows;
        try (var dirs = java.nio.file.Files.list(kindDir)) {
            for (Path d : dirs.toList()) {
                String name = d.getFileName().toString();
                if (!java.nio.file.Files.isDirectory(d) || !name.startsWith(UNIT + "=")) continue;
                rows.put(name.substring(UNIT.length() + 1), footerRows(d));
            }
        }
        return rows;
    }

    /** Rows in the Parquet files of a folder, from their footers. */
    public static long footerRows(Path dir) throws java.io.IOException {
        long n = 0;
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
                try (var r = org.glasshouse.parquet.LocalParquet.open(f)) {
                    n += r.getRecordCount();
                }
            }
        }
        return n;
    }

    /**
     * Rows read per file (file events are not rows) and the file events, in one query: events are few (at most a
     * couple per file), so they are collected with the counts.
     */
    private static void readCounts(Dataset<Row> parsed, Map<String, Long> read, List<FileFinding> findings) {
        Column isEvent = col(RawRows.FILE_EVENT).isNotNull();
        List<Row> perFile = parsed.groupBy(col(RawRows.FILE_ID))
                .agg(count(when(not(isEvent), lit(1))).as("rows"),
                        collect_list(when(isEvent, struct(col(RawRows.FILE_EVENT), col(RawRows.LINE),
                                col(RawRows.DETAIL)))).as("events"))
                .collectAsList();
        for (Row r : perFile) {
            read.put(r.getString(0), r.getLong(1));
            List<Row> events = r.getList(2);
            for (Row e : events) {
                RuleInfo rule = FileRule.info(e.getString(0));
                findings.add(new FileFinding(r.getString(0), rule.id(), rule.defaultSeverity().label(),
                        e.getString(2), rule.hint()));
            }
        }
        findings.sort(java.util.Comparator.comparing(FileFinding::fileId).thenComparing(FileFinding::ruleId));
    }
}
