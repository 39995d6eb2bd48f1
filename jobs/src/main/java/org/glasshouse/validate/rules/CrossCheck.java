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

    Dataset<Row> prepare(Dataset<Row> rows, String dataset, ReferenceData reference);

    List<RowCheck> checks(String dataset);
}
