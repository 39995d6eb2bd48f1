package org.glasshouse.validate.rules;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.filter;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

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

    public static Column of(List<RowCheck> checks, SeverityPolicy policy) {
        Column[] each = checks.stream().map(c -> c.violation(policy)).toArray(Column[]::new);
        return filter(array(each), v -> v.isNotNull());
    }

    public static Column hasError() {
        return exists(col(COLUMN), v -> v.getField("severity").equalTo("error"));
    }
}
