package org.glasshouse.metrics.flags;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * The ids a flag's evidence lists (duplicate transactions, missing months), bounded: the first {@link #MAX_LISTED}
 * of a sorted list, then "and N more". One partner who sends ten thousand identical expenditures gets one readable
 * flag, not a megabyte of evidence on every page and in every table. Fixed rather than configured, so the public
 * evidence of the same data reads the same in every release.
 */
public final class EvidenceList {

    public static final int MAX_LISTED = 20;

    private EvidenceList() {}

    /** The items of a sorted array column, joined by ", ", at most {@link #MAX_LISTED} of them. */
    public static Column of(Column sortedItems) {
        Column shown = concat_ws(", ", slice(sortedItems, 1, MAX_LISTED));
        return when(size(sortedItems).gt(MAX_LISTED), concat(shown,
                format_string(" and %d more", size(sortedItems).minus(MAX_LISTED)))).otherwise(shown);
    }
}
