package org.glasshouse.reports.render;

import java.awt.BasicStroke;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.glasshouse.reports.model.Chart;
import org.glasshouse.reports.model.ChartKind;
import org.glasshouse.reports.model.ChartSeries;
import org.glasshouse.reports.model.ColumnType;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/** Turns a {@link Chart} model into a styled JFreeChart (no I/O). */
final class JFreeChartBuilder {
    private JFreeChartBuilder() {
    }

    static JFreeChart build(Chart chart) {
        DefaultCategoryDataset data = dataset(chart);
        CategoryAxis categoryAxis = new CategoryAxis(chart.categoryAxisLabel());
        NumberAxis valueAxis = new NumberAxis(chart.valueAxisLabel());
        CategoryPlot plot = new CategoryPlot(data, categoryAxis, valueAxis, null);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setRenderer(chart.kind() == ChartKind.BAR ? barRenderer(chart) : lineRenderer(chart));
        style(plot, chart);
        JFreeChart result = new JFreeChart(chart.title(), ChartStyle.TITLE, plot, chart.series().size() > 1);
        result.setBackgroundPaint(ChartStyle.BACKGROUND);
        result.setAntiAlias(true);
        result.setTextAntiAlias(true);
        result.getTitle().setPaint(ChartStyle.TEXT);
        LegendTitle legend = result.getLegend();
        if (legend != null) {
            legend.setItemFont(ChartStyle.LABEL);
            legend.setItemPaint(ChartStyle.TEXT);
            legend.setBackgroundPaint(ChartStyle.BACKGROUND);
        }
        return result;
    }

    private static DefaultCategoryDataset dataset(Chart chart) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        // Categories are keyed by position so that two partners with the same display name stay apart.
        for (ChartSeries s : chart.series()) {
            for (int i = 0; i < chart.categories().size(); i++) {
                Double v = s.values().get(i);
                Double drawn = v == null || !Double.isFinite(v) ? null : v;
                data.addValue(drawn, s.name(), new CategoryKey(i, chart.categories().get(i)));
            }
        }
        return data;
    }

    private static BarRenderer barRenderer(Chart chart) {
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setItemMargin(0.05);
        for (int i = 0; i < chart.series().size(); i++) {
            r.setSeriesPaint(i, ChartStyle.series(i));
        }
        return r;
    }

    private static LineAndShapeRenderer lineRenderer(Chart chart) {
        LineAndShapeRenderer r = new LineAndShapeRenderer(true, true);
        for (int i = 0; i < chart.series().size(); i++) {
            r.setSeriesPaint(i, ChartStyle.series(i));
            r.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        if (chart.kind() == ChartKind.BAND) {
            // The interval ends share the estimate's colour, dashed and without markers: one band, not three lines.
            for (int i = 1; i < chart.series().size(); i++) {
                r.setSeriesPaint(i, ChartStyle.series(0));
                r.setSeriesStroke(i, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
                r.setSeriesShapesVisible(i, false);
            }
        }
        return r;
    }

    private static void style(CategoryPlot plot, Chart chart) {
        plot.setBackgroundPaint(ChartStyle.BACKGROUND);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinesVisible(true);
        plot.setDomainGridlinesVisible(false);
        CategoryAxis x = plot.getDomainAxis();
        x.setLabelFont(ChartStyle.LABEL);
        x.setTickLabelFont(ChartStyle.TICK);
        x.setLabelPaint(ChartStyle.TEXT);
        x.setTickLabelPaint(ChartStyle.TEXT);
        x.setMaximumCategoryLabelLines(3);
        if (chart.categories().size() > 8) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setLabelFont(ChartStyle.LABEL);
        y.setTickLabelFont(ChartStyle.TICK);
        y.setLabelPaint(ChartStyle.TEXT);
        y.setTickLabelPaint(ChartStyle.TEXT);
        y.setAutoRangeIncludesZero(chart.kind() == ChartKind.BAR);
        y.setNumberFormatOverride(axisFormat(chart.valueType()));
        // Whole-number labels need whole-number ticks: a 0.5 step printed without decimals repeats labels (4, 4, 5).
        if (chart.valueType() == ColumnType.MONEY || chart.valueType() == ColumnType.COUNT) {
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ENGLISH));
        }
    }

    /**
     * Tick labels in the same style as the chart's table: shares as percentages, money without cents. Fixed symbols:
     * the default NumberFormat follows the JVM locale and would change the output.
     */
    static DecimalFormat axisFormat(ColumnType type) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ENGLISH);
        return switch (type) {
            case RATE -> new DecimalFormat("#,##0.#%", symbols);
            case MONEY, COUNT -> new DecimalFormat("#,##0", symbols);
            default -> new DecimalFormat("#,##0.######", symbols);
        };
    }

    /** A category identified by its position; displays as its label. */
    private record CategoryKey(int index, String label) implements Comparable<CategoryKey> {
        @Override
        public int compareTo(CategoryKey o) {
            return Integer.compare(index, o.index);
        }

        @Override
        public String toString() {
            return label;
        }
    }
}
