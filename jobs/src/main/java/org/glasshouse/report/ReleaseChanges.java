package org.glasshouse.report;

import java.util.List;
import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;

/**
 * What changed in the published figures since the previous release, and why.
 *
 * @param previousRelease id of the release compared with, or null for the first release
 * @param changes         one row per changed cell, added row or removed row (see {@link #COLUMNS}), at most
 *                        ChangeDetector.MAX_LISTED
 * @param truncated       number of further changes not listed
 * @param causes          what differs between the two releases' inputs, rules, thresholds, as-of date and
 *                        disclosure settings, in words (empty when nothing but the figures differ)
 * @param log             the corrections log published as open data: this release's changes first, then the
 *                        earlier releases' entries carried over (bounded)
 */
public record ReleaseChanges(String previousRelease, DataTable changes, int truncated, List<String> causes,
                             DataTable log) {

    public static final String LOG_TABLE = "corrections";

    public static final List<Column> COLUMNS = List.of(
            new Column("table", ColumnType.ID, "Open-data table."),
            new Column("row", ColumnType.TEXT, "The row's key columns."),
            new Column("column", ColumnType.ID, "The figure that changed, or (row) when a row came or went."),
            new Column("previous", ColumnType.TEXT, "Published value in the previous release."),
            new Column("current", ColumnType.TEXT, "Published value in this release."),
            new Column("reason", ColumnType.TEXT, "Why it changed: the partner files, rules, thresholds, as-of date or "
                    + "disclosure control that differ between the two releases."));

    public static final List<Column> LOG_COLUMNS = List.of(
            new Column("release", ColumnType.ID, "The release that published the change."),
            new Column("previous_release", ColumnType.ID, "The release it was compared with."),
            new Column("table", ColumnType.ID, "Open-data table."),
            new Column("row", ColumnType.TEXT, "The row's key columns."),
            new Column("column", ColumnType.ID, "The figure that changed, or (row) when a row came or went."),
            new Column("previous", ColumnType.TEXT, "Published value in the previous release."),
            new Column("current", ColumnType.TEXT, "Published value in this release."),
            new Column("reason", ColumnType.TEXT, "Why it changed."));

    public ReleaseChanges {
        causes = causes == null ? List.of() : List.copyOf(causes);
    }

    public static DataTable emptyLog() {
        return new DataTable(LOG_TABLE, "Corrections log: figures that changed between releases, and why",
                LOG_COLUMNS, List.of());
    }

    public static ReleaseChanges first() {
        return new ReleaseChanges(null, new DataTable("changes", "Changes", COLUMNS, List.of()), 0, List.of(),
                emptyLog());
    }
}
