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
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.glasshouse.contract.Contract;
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

    public record Outputs(Path curated, Path quarantine, Path findings) {}

    /** What validating one dataset gives: row accounting per file, and the file findings raised while reading. */
    public record Result(List<FileAccount> accounts, List<FileFinding> findings) {}

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
    public Dataset<Row> parse(Contract contract, List<ParseTask> tasks, InputLimits limits) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // A few files per partition: one task per small file costs more in scheduling than in parsing.
        int slices = Math.max(1, Math.min(tasks.size(), 2 * jsc.defaultParallelism()));
        JavaRDD<Row> rows = jsc.parallelize(tasks, slices).flatMap(new FileParser(pseudonymiser, limits));
        // Each row carries its file's place in the list (the order the files arrived), which ranks duplicate keys.
        List<Row> order = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) order.add(RowFactory.create(tasks.get(i).fileId(), i));
        Dataset<Row> files = spark.createDataFrame(order, new StructType()
                .add("_fo_file_id", DataTypes.StringType, false).add(RawRows.FILE_ORDER, DataTypes.IntegerType, false));
        return spark.createDataFrame(rows, RawRows.schema(contract))
                .join(broadcast(files), col(RawRows.FILE_ID).equalTo(col("_fo_file_id")), "left").drop("_fo_file_id");
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

    public Result validate(Contract contract, List<ParseTask> tasks, ReferenceData reference, Outputs out,
                           Map<String, String> fileNames, InputLimits limits) {
        Dataset<Row> parsed = parse(contract, tasks, limits).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, Long> read = new HashMap<>();
            List<FileFinding> findings = new ArrayList<>();
            readCounts(parsed, read, findings);
            // A file that broke off while being read is incomplete: the rows read before the break are quarantined
            // under the file's rule (each row carries it; the partner hears of it once, by the file finding).
            Map<String, String> broken = new HashMap<>();
            for (FileFinding f : findings) {
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
            Dataset<Row> checked = check(contract, rows, reference).persist(StorageLevel.MEMORY_AND_DISK());
            try {
                Column error = Violations.hasError();
                checked.filter(not(error)).select(TypedColumns.of(contract))
                        .write().mode(SaveMode.Overwrite).parquet(out.curated().toString());
                List<Column> q = new ArrayList<>(List.of(col(RawRows.FILE_ID), col(RawRows.PARTNER_ID),
                        col(RawRows.LINE), col(RawRows.RAW), col(RawRows.FLEX), col(Violations.COLUMN)));
                contract.fieldNames().forEach(n -> q.add(col(n)));
                checked.filter(error).select(q.toArray(Column[]::new))
                        .write().mode(SaveMode.Overwrite).parquet(out.quarantine().toString());
                Column key = contract.key().isEmpty() ? org.apache.spark.sql.functions.lit(null).cast("string")
                        : concat_ws(" | ", contract.key().stream().map(k -> col(k)).toArray(Column[]::new));
                checked.select(col(RawRows.FILE_ID), col(RawRows.PARTNER_ID), col(RawRows.LINE),
                                key.as("unique_id"), col(RawRows.FLEX), explode(col(Violations.COLUMN)).as("v"))
                        .select(col(RawRows.FILE_ID), col(RawRows.PARTNER_ID), col(RawRows.LINE), col("unique_id"),
                                col("v.*"), col(RawRows.FLEX))
                        .write().mode(SaveMode.Overwrite).parquet(out.findings().toString());
            } finally {
                checked.unpersist();
            }
            Map<String, Long> accepted = new HashMap<>();
            Map<String, Long> quarantined = new HashMap<>();
            writtenCounts(out, accepted, quarantined);
            List<FileAccount> accounts = new ArrayList<>();
            for (ParseTask t : tasks) {
                accounts.add(new FileAccount(t.fileId(), t.partnerId(), contract.dataset(),
                        fileNames.getOrDefault(t.fileId(), t.path()), read.getOrDefault(t.fileId(), 0L),
                        accepted.getOrDefault(t.fileId(), 0L), quarantined.getOrDefault(t.fileId(), 0L)));
            }
            return new Result(accounts, findings);
        } finally {
            parsed.unpersist();
        }
    }

    /** Rows per file as actually written, read back from both outputs in one query. */
    private void writtenCounts(Outputs out, Map<String, Long> accepted, Map<String, Long> quarantined) {
        Dataset<Row> a = spark.read().parquet(out.curated().toString()).select(col(RawRows.FILE_ID),
                org.apache.spark.sql.functions.lit(true).as("accepted"));
        Dataset<Row> q = spark.read().parquet(out.quarantine().toString()).select(col(RawRows.FILE_ID),
                org.apache.spark.sql.functions.lit(false).as("accepted"));
        for (Row r : a.unionByName(q).groupBy(RawRows.FILE_ID, "accepted").count().collectAsList()) {
            (r.getBoolean(1) ? accepted : quarantined).put(r.getString(0), r.getLong(2));
        }
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
