package org.glasshouse.reports.render;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.glasshouse.reports.model.Chart;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes {@code <id>.png} (800x450) and {@code <id>.svg} for a chart. Fonts, colours and SVG element
 * ids are fixed, so the same chart gives the same bytes on every run (same JDK and fonts).
 * Null values are left out of the drawing; the page says so in the alt text.
 */
public final class ChartRenderer {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartRenderer() {
    }

    public static void render(Chart chart, Path dir) {
        JFreeChart jfc = JFreeChartBuilder.build(chart);
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(dir.resolve(chart.id() + ".png"))) {
                ChartUtils.writeChartAsPNG(out, jfc, ChartStyle.WIDTH, ChartStyle.HEIGHT);
            }
            Files.writeString(dir.resolve(chart.id() + ".svg"), svg(jfc, chart.id()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + chart.id() + " to " + dir, e);
        }
    }

    private static String svg(JFreeChart jfc, String id) {
        SVGGraphics2D g2 = new SVGGraphics2D(ChartStyle.WIDTH, ChartStyle.HEIGHT);
        g2.setDefsKeyPrefix("gh-" + id + "-"); // default is System.nanoTime(): not reproducible
        jfc.draw(g2, new Rectangle(0, 0, ChartStyle.WIDTH, ChartStyle.HEIGHT));
        // Not getSVGDocument(): its DOCTYPE points at an external W3C DTD that XML tools may try to fetch.
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + MarkupText.clean(g2.getSVGElement()) + "\n";
    }
}
