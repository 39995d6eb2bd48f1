package org.glasshouse.validate.rules;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
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

    /**
     * Fields of OTHER files' rows this check reads (e.g. the key, for duplicates). When only some files of a dataset
     * are validated, the readable rows of the others are given to {@link #prepare} with just these fields (and the
     * lineage columns), marked as context, so the verdict on a row is the one a validation of every file gives.
     */
    default List<String> contextFields(String dataset) {
        return List.of();
    }

    /**
     * For a check whose verdict on a row can change when a LATER file arrives (not only an earlier one): the
     * figures per group its verdict reads, so an earlier file is validated again exactly when they change.
     */
    default Optional<GroupTotals> groupTotals(String dataset) {
        return Optional.empty();
    }

    /**
     * @param group   the field rows are grouped by (their verdicts read only figures of their own group)
     * @param watched rows whose verdict reads the group's figures
     * @param sums    what each row adds to the group's figures (summed over every file's rows)
     */
    record GroupTotals(String group, Column watched, List<Column> sums) {}
}
