package org.glasshouse.reports.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.glasshouse.reports.model.Block;
import org.glasshouse.reports.model.Chart;
import org.glasshouse.reports.model.ChartBlock;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Page;
import org.glasshouse.reports.model.PrintOnly;
import org.glasshouse.reports.model.Report;
import org.glasshouse.reports.model.ScreenOnly;
import org.glasshouse.reports.render.html.PageViews;

/**
 * Renders a {@link Report} as a static site: one HTML page per {@link Page} (Thymeleaf, escaped),
 * {@code charts/<id>.png|.svg}, {@code data/<name>.csv|.json} and {@code assets/site.css}.
 */
public final class SiteRenderer {
    private static final String CSS_RESOURCE = "templates/report/site.css";
    private static final String CSS_FILE = "assets/site.css";

    private SiteRenderer() {
    }

    /**
     * Where a chart's files can come from instead of being drawn again: a chart is a value (its data, labels and
     * alt text), and equal charts are drawn to the same bytes.
     */
    public interface ChartStore {
        /** Writes {@code <id>.png} and {@code <id>.svg} of an equal chart drawn before into dir; false if none. */
        boolean fetch(Chart chart, Path dir) throws IOException;

        /** Keeps the chart just drawn into dir for later renderings. */
        void keep(Chart chart, Path dir) throws IOException;
    }

    public static RenderedSite render(Report report, Path siteDir) {
        return render(report, siteDir, null);
    }

    /** @param store charts drawn before (null: draw every chart) */
    public static RenderedSite render(Report report, Path siteDir, ChartStore store) {
        List<String> written = new ArrayList<>(renderCharts(report, siteDir, store));
        written.addAll(renderPages(report, siteDir));
        return new RenderedSite(written.stream().sorted().toList());
    }

    /** {@code charts/<id>.png|.svg} of every chart of the report (what the PDF needs before the pages exist). */
    public static List<String> renderCharts(Report report, Path siteDir, ChartStore store) {
        Path root = siteDir.toAbsolutePath().normalize();
        List<String> written = new ArrayList<>();
        try {
            Files.createDirectories(root);
            for (Chart chart : charts(report)) {
                Path dir = inside(root, "charts");
                if (store == null || !store.fetch(chart, dir)) {
                    ChartRenderer.render(chart, dir);
                    if (store != null) store.keep(chart, dir);
                }
                written.add("charts/" + chart.id() + ".png");
                written.add("charts/" + chart.id() + ".svg");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write charts to " + root, e);
        }
        return written;
    }

    /** The open data as CSV and JSON, the style sheet and every page (the charts are drawn separately). */
    public static List<String> renderPages(Report report, Path siteDir) {
        Path root = siteDir.toAbsolutePath().normalize();
        List<String> written = new ArrayList<>();
        try {
            Files.createDirectories(root);
            for (DataTable table : report.openData()) {
                String rel = PageViews.csvHref(table);
                CsvTableWriter.write(table, inside(root, rel));
                written.add(rel);
                String json = PageViews.jsonHref(table);
                JsonTableWriter.write(table, inside(root, json));
                written.add(json);
            }
            copyCss(inside(root, CSS_FILE));
            written.add(CSS_FILE);
            for (Page page : report.pages()) {
                String html = MarkupText.clean(Templates.render("report/page", "page", PageViews.of(report, page)));
                Files.writeString(inside(root, page.fileName()), html, StandardCharsets.UTF_8);
                written.add(page.fileName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write site to " + root, e);
        }
        return written;
    }

    /** Every chart of the report once; two different charts with the same id are an error. */
    private static List<Chart> charts(Report report) {
        Map<String, Chart> byId = new HashMap<>();
        List<Chart> charts = new ArrayList<>();
        for (Page page : report.pages()) {
            collect(page.blocks(), byId, charts);
        }
        return charts;
    }

    private static void collect(List<Block> blocks, Map<String, Chart> byId, List<Chart> charts) {
        for (Block block : blocks) {
            if (block instanceof ScreenOnly s) {
                collect(s.blocks(), byId, charts);
            } else if (block instanceof PrintOnly p) {
                collect(p.blocks(), byId, charts);
            } else if (block instanceof ChartBlock cb) {
                Chart previous = byId.putIfAbsent(cb.chart().id(), cb.chart());
                if (previous == null) {
                    charts.add(cb.chart());
                } else if (!previous.equals(cb.chart())) {
                    throw new IllegalArgumentException("two different charts have the id " + cb.chart().id());
                }
            }
        }
    }

    /** Resolves a relative path under the site root, refusing anything that would escape it. */
    private static Path inside(Path root, String relative) throws IOException {
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new IllegalArgumentException("path escapes the site directory: " + relative);
        }
        Files.createDirectories(p.getParent());
        return p;
    }

    private static void copyCss(Path target) throws IOException {
        try (InputStream in = SiteRenderer.class.getClassLoader().getResourceAsStream(CSS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + CSS_RESOURCE);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
