package org.glasshouse.validate.rules;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * One rule applied to every row as a Spark expression: {@code broken} is true when the row breaks it. The
 * violation it yields carries everything a partner needs to fix the row.
 */
public record RowCheck(RuleInfo rule, String field, Column broken, Column value, Column message) {

    /** Null when the row passes, else a {@link Violations#TYPE} struct. */
    public Column violation(SeverityPolicy policy) {
        return when(broken, struct(
                lit(rule.id()).as("rule_id"),
                lit(policy.severityOf(rule).label()).as("severity"),
                lit(field).as("field"),
                value.cast("string").as("value"),
                message.as("message"),
                lit(rule.hint()).as("hint"),
                lit(rule.expected()).cast("string").as("expected")));
    }
}
