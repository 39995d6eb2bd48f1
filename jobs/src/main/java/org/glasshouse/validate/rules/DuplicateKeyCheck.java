package org.glasshouse.validate.rules;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.glasshouse.contract.Contract;
import org.glasshouse.contract.ContractCatalog;
import org.glasshouse.validate.read.RawRows;

/**
 * The contract key must be unique within and across files: the first occurrence (by the order the files arrived, then line) is
 * kept,
 * every later one is quarantined.
 */
public final class DuplicateKeyCheck implements CrossCheck {

    private static final String RANK = "_x_key_rank";
    private final ContractCatalog contracts;

    public DuplicateKeyCheck(ContractCatalog contracts) {
        this.contracts = contracts;
    }

    @Override
    public boolean appliesTo(String dataset) {
        return contracts.get(dataset).keyRule() != null;
    }

    @Override
    public Dataset<Row> prepare(Dataset<Row> rows, String dataset, ReferenceData reference) {
        Column[] key = contracts.get(dataset).key().stream().map(k -> col(k)).toArray(Column[]::new);
        // Only rows read as meant compete for a key: a row of a file quarantined whole (or a malformed row) never
        // makes a later good row a "duplicate".
        Column[] partition = java.util.Arrays.copyOf(key, key.length + 1);
        partition[key.length] = ContractChecks.readable();
        return rows.withColumn(RANK, row_number().over(Window.partitionBy(partition)
                .orderBy(col(RawRows.FILE_ORDER), col(RawRows.LINE))));
    }

    /** Keys of earlier files' rows: a later row with one of them is the duplicate. */
    @Override
    public List<String> contextFields(String dataset) {
        return contracts.get(dataset).key();
    }

    @Override
    public List<RowCheck> checks(String dataset) {
        Contract c = contracts.get(dataset);
        Column[] key = c.key().stream().map(k -> col(k)).toArray(Column[]::new);
        Column keyPresent = lit(true);
        for (Column k : key) keyPresent = keyPresent.and(k.isNotNull());
        String keyName = String.join(" + ", c.key());
        Column value = concat_ws(" | ", key);
        return List.of(new RowCheck(
                new RuleInfo(c.keyRule(), dataset, keyName, Severity.ERROR, keyName + ": unique",
                        "Each " + keyName + " may appear once; remove the repeated row or give it its own id.",
                        "a " + keyName + " not used by an earlier row"),
                keyName, keyPresent.and(ContractChecks.readable()).and(col(RANK).gt(1)), value,
                ContractChecks.msg(keyName + " '", value, "' appears more than once; only its first row is kept.")));
    }
}
