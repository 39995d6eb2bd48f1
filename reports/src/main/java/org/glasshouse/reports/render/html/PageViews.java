package org.glasshouse.reports.render.html;

import java.util.ArrayList;
import java.util.List;

import org.glasshouse.reports.model.Block;
import org.glasshouse.reports.model.Chart;
import org.glasshouse.reports.model.ChartBlock;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Heading;
import org.glasshouse.reports.model.KeyFigure;
import org.glasshouse.reports.model.KeyFigures;
import org.glasshouse.reports.model.LinkList;
import org.glasshouse.reports.model.Page;
import org.glasshouse.reports.model.Paragraph;
import org.glasshouse.reports.model.Report;
import org.glasshouse.reports.model.Suppressed;
import org.glasshouse.reports.model.TableBlock;
import org.glasshouse.reports.render.CellFormatter;

/** Builds the {@link PageView} for one page of a report. Paths are relative to the site root. */
public final class PageViews {
    /** If the report has a page with this name, the footer links to it; otherwise to each CSV. */
    public static final String DOWNLOADS_PAGE = "downloads.html";

    private PageViews() {
    }

    public static PageView of(Report report, Page page) {
        List<NavLink> nav = new ArrayList<>();
        for (Page p : report.pages()) {
            if (!p.inNav()) continue;
            nav.add(new NavLink(p.fileName(), p.title(), p.fileName().equals(page.fileName())));
        }
        List<BlockView> blocks = new ArrayList<>();
        for (Block b : page.blocks()) {
            blocks.add(block(b));
        }
        return new PageView(report.title(), page.title(), "assets/site.css", List.copyOf(nav), List.copyOf(blocks),
                report.asOf().toString(), report.runId(), downloads(report));
    }

    private static List<NavLink> downloads(Report report) {
        boolean hasPage = report.pages().stream().anyMatch(p -> p.fileName().equals(DOWNLOADS_PAGE));
        if (hasPage) {
            return List.of(new NavLink(DOWNLOADS_PAGE, "data downloads page", false));
        }
        List<NavLink> links = new ArrayList<>();
        for (DataTable t : report.openData()) {
            links.add(new NavLink(csvHref(t), t.name() + ".csv", false));
        }
        return List.copyOf(links);
    }

    public static String csvHref(DataTable t) {
        return "data/" + t.name() + ".csv";
    }

    public static String jsonHref(DataTable t) {
        return "data/" + t.name() + ".json";
    }

    private static BlockView block(Block b) {
        // Java 17: no pattern matching for switch; Block is sealed, so this chain is exhaustive.
        if (b instanceof Heading h) {
            return new HeadingView(Math.max(2, h.level()), h.text());
        } else if (b instanceof Paragraph p) {
            return new ParagraphView(p.text());
        } else if (b instanceof TableBlock t) {
            return TableViews.of(t.table(), t.caption());
        } else if (b instanceof ChartBlock c) {
            return figure(c.chart());
        } else if (b instanceof KeyFigures k) {
            return keyFigures(k);
        } else if (b instanceof LinkList l) {
            return new LinkListView(l.items());
        }
        throw new IllegalArgumentException("unknown block type: " + b);
    }

    private static FigureView figure(Chart chart) {
        String alt = chart.altText().strip();
        int missing = chart.missingValueCount();
        if (missing > 0) {
            alt = alt + (alt.endsWith(".") ? " " : ". ") + missing + (missing == 1 ? " value is" : " values are")
                    + " missing or suppressed and not drawn.";
        }
        return new FigureView("chart-" + chart.id(), "charts/" + chart.id() + ".png", "charts/" + chart.id() + ".svg",
                alt, chart.title(), TableViews.of(chart));
    }

    private static KeyFiguresView keyFigures(KeyFigures k) {
        List<KeyFigureView> items = new ArrayList<>();
        boolean anySuppressed = false;
        for (KeyFigure f : k.figures()) {
            boolean s = f.value() instanceof Suppressed;
            anySuppressed |= s;
            items.add(new KeyFigureView(f.label(), CellFormatter.display(f.value(), f.type()), s));
        }
        return new KeyFiguresView(List.copyOf(items), anySuppressed ? List.of(Markers.SUPPRESSED_NOTE) : List.of());
    }
}
