package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * Sums money and units in decimal arithmetic. A sum of doubles depends on the order rows arrive in, which follows
 * partitioning: with a different number of partitions, 520,000.00 disbursed against 520,000.00 committed came out
 * 1e-10 larger and raised an over-commitment flag. Each value is first fixed at 6 decimals (below a cent of any
 * currency and far below the precision of any unit count), then added exactly, so every run gives the same figure.
 */
public final class ExactSum {

    /** 32 integer digits: no agency's money or units come near. */
    static final DecimalType EXACT = DataTypes.createDecimalType(38, 6);

    private ExactSum() {}

    public static Column of(Column value) {
        return sum(value.cast(EXACT)).cast(DataTypes.DoubleType);
    }

    public static Column of(String column) {
        return of(col(column));
    }
}
