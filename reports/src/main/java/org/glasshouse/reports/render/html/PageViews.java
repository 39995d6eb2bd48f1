package org.glasshouse.reports.render.html;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import org.glasshouse.reports.model.PrintOnly;
import org.glasshouse.reports.model.Report;
import org.glasshouse.reports.model.ScreenOnly;
import org.glasshouse.reports.model.Suppressed;
import org.glasshouse.reports.model.TableBlock;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.render.CellFormatter;

/** Builds the {@link PageView} for one page of a report, for the site or for the PDF. Paths are relative to the site. */
public final class PageViews {
    /** If the report has a page with this name, the footer links to it; otherwise to each CSV. */
    public static final String DOWNLOADS_PAGE = "downloads.html";
    /** Said in the PDF where a chart's numbers are, since the printed report leaves chart tables out. */
    public static final String CHART_NUMBERS_NOTE =
            "The numbers behind this chart are in a table under it on the web page and in the open data.";

    private PageViews() {
    }

    /** The page as the site shows it. */
    public static PageView of(Report report, Page page) {
        return build(report, page, false);
    }

    /** The page as a section of the PDF: no screen-only blocks, charts without their data tables. */
    public static PageView forPrint(Report report, Page page) {
        return build(report, page, true);
    }

    private static PageView build(Report report, Page page, boolean print) {
        List<NavLink> nav = new ArrayList<>();
        for (Page p : report.pages()) {
            if (!p.inNav()) continue;
            nav.add(new NavLink(p.fileName(), p.title(), p.fileName().equals(page.fileName())));
        }
        Ids ids = new Ids();
        List<BlockView> blocks = new ArrayList<>();
        for (Block b : page.blocks()) {
            BlockView v = block(b, print, ids);
            if (v != null) blocks.add(v);
        }
        String stem = page.fileName().substring(0, page.fileName().length() - ".html".length());
        return new PageView(report.title(), page.title(), "assets/site.css", List.copyOf(nav), List.copyOf(blocks),
                report.asOf().toString(), report.runId(), downloads(report), "section-" + stem,
                CellFormatter.display(report.asOf(), ColumnType.DATE), reportErrorHref(report, page),
                report.reportError() == null ? null : reportErrorText(report.reportError()));
    }

    /** A mailto: route gets a subject naming the page, so the agency knows which page the reader means. */
    static String reportErrorHref(Report report, Page page) {
        String route = report.reportError();
        if (route == null) return null;
        if (!route.regionMatches(true, 0, "mailto:", 0, 7) || route.contains("?")) return route;
        String subject = "Error in the report: " + page.title() + " (" + page.fileName() + ", release " + report.runId()
                + ")";
        return route + "?subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String reportErrorText(String route) {
        return route.regionMatches(true, 0, "mailto:", 0, 7) ? "e-mail " + route.substring(7) : "use our form";
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

    /** Unique element ids within one page. */
    private static final class Ids {
        private int tables;

        String table() {
            return "table-" + (++tables);
        }
    }

    private static BlockView block(Block b, boolean print, Ids ids) {
        // Java 17: no pattern matching for switch; Block is sealed, so this chain is exhaustive.
        if (b instanceof Heading h) {
            return new HeadingView(Math.max(2, h.level()), h.text());
        } else if (b instanceof Paragraph p) {
            return new ParagraphView(p.text());
        } else if (b instanceof TableBlock t) {
            return TableViews.of(t.table(), t.caption(), ids.table());
        } else if (b instanceof ChartBlock c) {
            return figure(c.chart(), print);
        } else if (b instanceof KeyFigures k) {
            return keyFigures(k);
        } else if (b instanceof LinkList l) {
            return new LinkListView(l.items());
        } else if (b instanceof ScreenOnly s) {
            return print ? null : group(s.blocks(), print, ids);
        } else if (b instanceof PrintOnly p) {
            return print ? group(p.blocks(), print, ids) : null;
        }
        throw new IllegalArgumentException("unknown block type: " + b);
    }

    private static GroupView group(List<Block> blocks, boolean print, Ids ids) {
        List<BlockView> inner = new ArrayList<>();
        for (Block x : blocks) inner.add(block(x, print, ids));
        return new GroupView(List.copyOf(inner));
    }

    private static FigureView figure(Chart chart, boolean print) {
        String alt = chart.altText().strip();
        int missing = chart.missingValueCount();
        if (missing > 0) {
            alt = alt + (alt.endsWith(".") ? " " : ". ") + missing + (missing == 1 ? " value is" : " values are")
                    + " missing or suppressed and not drawn.";
        }
        String id = "chart-" + chart.id();
        return new FigureView(id, "charts/" + chart.id() + ".png", "charts/" + chart.id() + ".svg",
                alt, chart.title(), print ? null : TableViews.of(chart, id + "-data"));
    }

    private static KeyFiguresView keyFigures(KeyFigures k) {
        List<KeyFigureView> items = new ArrayList<>();
        boolean anySuppressed = false;
        for (KeyFigure f : k.figures()) {
            boolean s = f.value() instanceof Suppressed;
            anySuppressed |= s;
            items.add(new KeyFigureView(f.label(), withUnit(CellFormatter.display(f.value(), f.type()), f), s));
        }
        return new KeyFiguresView(List.copyOf(items), anySuppressed ? List.of(Markers.SUPPRESSED_NOTE) : List.of());
    }

    private static String withUnit(String text, KeyFigure f) {
        if (f.unit() == null || f.unit().isBlank() || text.isEmpty() || f.value() instanceof Suppressed) return text;
        return f.type() == ColumnType.MONEY ? f.unit() + " " + text : text + " " + f.unit();
    }
}
