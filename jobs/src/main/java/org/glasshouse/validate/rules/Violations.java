package org.glasshouse.validate.rules;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.glasshouse.validate.read.FileRule;
import org.glasshouse.validate.read.MalformedRule;

/** The per-row list of broken rules, and whether any of them is an error. */
public final class Violations {

    public static final String COLUMN = "_violations";
    public static final StructType TYPE = new StructType()
            .add("rule_id", DataTypes.StringType)
            .add("severity", DataTypes.StringType)
            .add("field", DataTypes.StringType)
            .add("value", DataTypes.StringType)
            .add("message", DataTypes.StringType)
            .add("hint", DataTypes.StringType)
            .add("expected", DataTypes.StringType);

    private Violations() {}

    /**
     * Every rule the row breaks. A row that could not be split, or whose file is quarantined whole (no required
     * columns, broke off while read), is judged by that rule alone: its values are not the partner's row as meant,
     * so cross-dataset rules (a duplicate key, an unknown agreement) would only add noise to the feedback.
     */
    public static Column of(List<RowCheck> checks, SeverityPolicy policy) {
        Column[] each = checks.stream().map(c -> c.violation(policy)).toArray(Column[]::new);
        Column all = filter(array(each), v -> v.isNotNull());
        Column structural = filter(all, v -> v.getField("rule_id").isin(STRUCTURAL.toArray()));
        return when(ContractChecks.readable(), all).otherwise(structural);
    }

    /** The rules of rows that cannot be read as the partner meant them. */
    private static final java.util.Set<String> STRUCTURAL = structural();

    private static java.util.Set<String> structural() {
        java.util.Set<String> ids = new java.util.HashSet<>(FileRule.QUARANTINES_EVERY_ROW);
        MalformedRule.CATALOGUE.forEach(r -> ids.add(r.id()));
        return java.util.Set.copyOf(ids);
    }

    public static Column hasError() {
        return exists(col(COLUMN), v -> v.getField("severity").equalTo("error"));
    }
}
