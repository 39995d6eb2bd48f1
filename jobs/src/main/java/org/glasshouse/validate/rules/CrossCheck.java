package org.glasshouse.validate.rules;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A rule that needs more than the row itself: other rows (duplicates) or other datasets (the agreement a row
 * names). {@link #prepare} adds helper columns (named {@code _x_*}) without adding or removing rows.
 */
public interface CrossCheck {

    boolean appliesTo(String dataset);

    /** Reference datasets this check looks rows up in; they are validated (and curated) before this dataset. */
    default List<String> requires(String dataset) {
        return List.of();
    }

    Dataset<Row> prepare(Dataset<Row> rows, String dataset, ReferenceData reference);

    List<RowCheck> checks(String dataset);
}
