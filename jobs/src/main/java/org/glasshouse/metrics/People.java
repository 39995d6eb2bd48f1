package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;

import org.apache.spark.sql.Column;

/**
 * Who counts as one person. beneficiary_ref is issued programme-wide, so the same ref in two programmes is not
 * known to be the same person: above programme level (partner, overall) a person is a (programme, ref) pair,
 * i.e. people are counted once per programme and summed over programmes.
 */
public final class People {

    private People() {}

    /** A key that is distinct exactly when (programme_id, beneficiary_ref) is. */
    public static Column key() {
        return concat_ws("\u0001", col("programme_id"), col("beneficiary_ref"));
    }
}
