package org.glasshouse.metrics.flags;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The shape every integrity flag has. flag_id = rule id + subject (+ what distinguishes two flags of one rule on
 * the same subject), so the same problem keeps the same id from run to run and can be tracked across releases.
 */
public final class Flags {

    public static final StructType SCHEMA = new StructType()
            .add("as_of", DataTypes.DateType)
            .add("flag_id", DataTypes.StringType)
            .add("rule_id", DataTypes.StringType)
            .add("subject_type", DataTypes.StringType)
            .add("subject_id", DataTypes.StringType)
            .add("evidence", DataTypes.StringType)
            .add("threshold", DataTypes.StringType)
            .add("observed", DataTypes.DoubleType)
            .add("limit_value", DataTypes.DoubleType)
            .add("people", DataTypes.LongType)
            // Money the flag concerns, in the reporting currency (null for flags about submissions or statistics):
            // what the report's flag summaries add up and rank by.
            .add("amount", DataTypes.DoubleType);

    private Flags() {}

    /**
     * Projects rows that broke a rule onto the flag shape.
     *
     * @param idSuffix null, or what tells apart several flags of the rule on one subject
     * @param people   null, or the count of people the evidence is computed from (for disclosure control)
     */
    public static Dataset<Row> of(Dataset<Row> broken, FlagRule rule, java.time.LocalDate asOf, Column subjectId,
                                  Column idSuffix, Column evidence, Column threshold, Column value, Column limit,
                                  Column people) {
        return of(broken, rule, asOf, subjectId, idSuffix, evidence, threshold, value, limit, people, null);
    }

    /** As above, with the money the flag concerns (reporting currency), or null. */
    public static Dataset<Row> of(Dataset<Row> broken, FlagRule rule, java.time.LocalDate asOf, Column subjectId,
                                  Column idSuffix, Column evidence, Column threshold, Column value, Column limit,
                                  Column people, Column amount) {
        Column id = concat(lit(rule.id() + ":"), subjectId);
        if (idSuffix != null) id = concat(id, lit(":"), idSuffix);
        return broken.select(lit(asOf).as("as_of"), id.as("flag_id"), lit(rule.id()).as("rule_id"),
                lit(rule.subjectType()).as("subject_type"), subjectId.cast("string").as("subject_id"),
                evidence.as("evidence"), threshold.as("threshold"), value.cast("double").as("observed"),
                limit.cast("double").as("limit_value"),
                (people == null ? lit(null) : people).cast("long").as("people"),
                (amount == null ? lit(null) : amount).cast("double").as("amount"));
    }

    static Column nullDouble() {
        return lit(null).cast("double");
    }

    static Column c(String name) {
        return col(name);
    }
}
