package org.glasshouse.report;

import java.util.List;
import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;

/**
 * What changed in the published figures since the previous release.
 *
 * @param previousRelease id of the release compared with, or null for the first release
 * @param changes         one row per changed cell, added row or removed row (see {@link #COLUMNS})
 * @param truncated       number of further changes not listed
 */
public record ReleaseChanges(String previousRelease, DataTable changes, int truncated) {

    public static final List<Column> COLUMNS = List.of(
            new Column("table", ColumnType.ID, "Open-data table."),
            new Column("row", ColumnType.TEXT, "The row's key columns."),
            new Column("column", ColumnType.ID, "The figure that changed, or (row) when a row came or went."),
            new Column("previous", ColumnType.TEXT, "Published value in the previous release."),
            new Column("current", ColumnType.TEXT, "Published value in this release."));

    public static ReleaseChanges first() {
        return new ReleaseChanges(null, new DataTable("changes", "Changes", COLUMNS, List.of()), 0);
    }
}
