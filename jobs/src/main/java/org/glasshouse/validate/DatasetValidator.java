package org.glasshouse.validate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.not;

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
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.glasshouse.contract.Contract;
import org.glasshouse.validate.read.FileParser;
import org.glasshouse.validate.read.ParseTask;
import org.glasshouse.validate.read.Pseudonymiser;
import org.glasshouse.validate.read.RawRows;
import org.glasshouse.validate.rules.CrossCheck;
import org.glasshouse.validate.rules.ContractChecks;
import org.glasshouse.validate.rules.ReferenceData;
import org.glasshouse.validate.rules.RowCheck;
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

    /** Text rows of the given files; each file is parsed whole by one task, files spread over the cores. */
    public Dataset<Row> parse(Contract contract, List<ParseTask> tasks) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // A few files per partition: one task per small file costs more in scheduling than in parsing.
        int slices = Math.max(1, Math.min(tasks.size(), 2 * jsc.defaultParallelism()));
        JavaRDD<Row> rows = jsc.parallelize(tasks, slices).flatMap(new FileParser(pseudonymiser));
        return spark.createDataFrame(rows, RawRows.schema(contract));
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

    public List<FileAccount> validate(Contract contract, List<ParseTask> tasks, ReferenceData reference,
                                      Outputs out, Map<String, String> fileNames) {
        Dataset<Row> parsed = parse(contract, tasks).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, Long> read = countByFile(parsed);
            Dataset<Row> checked = check(contract, parsed, reference).persist(StorageLevel.MEMORY_AND_DISK());
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
            return accounts;
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

    private static Map<String, Long> countByFile(Dataset<Row> rows) {
        Map<String, Long> counts = new HashMap<>();
        for (Row r : rows.groupBy(RawRows.FILE_ID).count().collectAsList()) {
            counts.put(r.getString(0), r.getLong(1));
        }
        return counts;
    }
}
