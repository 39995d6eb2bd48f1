package org.glasshouse.report;

import java.util.ArrayList;
import java.util.List;
import org.glasshouse.reports.model.Block;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Heading;
import org.glasshouse.reports.model.Paragraph;
import org.glasshouse.reports.model.TableBlock;
import org.glasshouse.reports.render.CellFormatter;

/**
 * The changes page: the corrections log of this release (which figure changed, from what to what, and why), at most
 * glasshouse.pages.changes-per-page rows, with the complete log in the open data (corrections), and how to report an
 * error that is still there.
 */
final class Corrections {

    private Corrections() {}

    static List<Block> blocks(ReportAssembler.Inputs in) {
        List<Block> b = new ArrayList<>();
        ReleaseChanges c = in.changes();
        String route = in.pages() == null || in.pages().reportError() == null ? ""
                : " If you find a figure that is still wrong, use the \"Report an error\" link at the foot of every "
                + "page.";
        if (c == null || c.previousRelease() == null) {
            b.add(new Paragraph("This is the first release, so no figure has been corrected yet. Each later release "
                    + "lists here every figure that changed since the one before it, from what to what, and why." + route));
            return b;
        }
        int listed = c.changes().rows().size();
        int total = listed + c.truncated();
        String what = total == 0 ? "no published figure changed"
                : Words.count(total, "published figure or row changed", "published figures or rows changed");
        b.add(new Paragraph("Compared with release " + c.previousRelease() + ", which stays available beside this one, "
                + what + ". The as-of date itself is not counted as a change." + route));
        if (!c.causes().isEmpty()) {
            b.add(new Heading(2, "What differs between the two releases"));
            b.add(new Paragraph(Words.capitalised(Words.list(c.causes())) + "."));
        }
        if (total == 0) return b;
        int max = in.pages() == null ? 100 : in.pages().changesPerPage();
        DataTable src = c.changes();
        DataTable shown = new DataTable(src.name(), src.title(), src.columns(),
                src.rows().subList(0, Math.min(max, src.rows().size())));
        b.add(new Heading(2, "Corrections log"));
        b.add(new TableBlock(PageTables.view(shown, null, PageTables.col(shown, "table"),
                PageTables.col(shown, "row"), PageTables.col(shown, "column"), PageTables.col(shown, "previous"),
                PageTables.col(shown, "current"), PageTables.col(shown, "reason")),
                shown.rows().size() < total ? "The first " + shown.rows().size() + " of " + total + " changes"
                        : "Every change"));
        if (shown.rows().size() < total) {
            b.add(new Paragraph(CellFormatter.display((long) (total - shown.rows().size()), ColumnType.COUNT)
                    + " further changes are not listed here. The open-data table " + ReleaseChanges.LOG_TABLE
                    + " (data/" + ReleaseChanges.LOG_TABLE + ".csv) holds up to " + CellFormatter.display(
                    (long) org.glasshouse.release.ChangeDetector.MAX_LISTED, ColumnType.COUNT) + " changes per release; "
                    + "compare the open-data files of the two releases for the rest."));
        }
        return b;
    }
}
