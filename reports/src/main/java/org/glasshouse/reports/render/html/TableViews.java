package org.glasshouse.reports.render.html;

import java.util.ArrayList;
import java.util.List;

import org.glasshouse.reports.model.Chart;
import org.glasshouse.reports.model.ChartSeries;
import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Suppressed;
import org.glasshouse.reports.render.CellFormatter;

/**
 * Builds {@link TableView}s from data tables and from charts' numbers. The first column is the row header. Headers
 * are the columns' plain labels; their explanations are listed under the table.
 */
public final class TableViews {
    /** Tables with more columns than this get the "scroll sideways" cue on narrow screens. */
    static final int WIDE = 2;

    private TableViews() {
    }

    public static TableView of(DataTable table, String caption) {
        return of(table, caption, "table-" + table.name());
    }

    public static TableView of(DataTable table, String caption, String id) {
        String cap = caption == null || caption.isBlank() ? table.title() : caption;
        List<HeaderView> headers = new ArrayList<>();
        List<GlossaryItem> glossary = new ArrayList<>();
        for (Column c : table.columns()) {
            headers.add(new HeaderView(c.heading(), c.description(), c.type().isNumeric()));
            if (c.description() != null && !c.description().isBlank()) {
                glossary.add(new GlossaryItem(c.heading(), c.description()));
            }
        }
        boolean anySuppressed = false;
        List<List<CellView>> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            List<CellView> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                ColumnType type = table.columns().get(i).type();
                boolean suppressed = v instanceof Suppressed;
                anySuppressed |= suppressed;
                cells.add(new CellView(CellFormatter.display(v, type), type.isNumeric(), i == 0, suppressed));
            }
            rows.add(List.copyOf(cells));
        }
        List<String> notes = anySuppressed ? List.of(Markers.SUPPRESSED_NOTE) : List.of();
        return new TableView(id, cap == null ? table.name() : cap, List.copyOf(headers), List.copyOf(rows), notes,
                List.copyOf(glossary), headers.size() > WIDE);
    }

    /** The chart's numbers: one row per category, one column per series, formatted as the chart's value type. */
    public static TableView of(Chart chart, String id) {
        String categoryLabel = chart.categoryAxisLabel() == null || chart.categoryAxisLabel().isBlank()
                ? "Category" : chart.categoryAxisLabel();
        List<HeaderView> headers = new ArrayList<>();
        headers.add(new HeaderView(categoryLabel, null, false));
        for (ChartSeries s : chart.series()) {
            headers.add(new HeaderView(s.name(), chart.valueAxisLabel(), true));
        }
        List<List<CellView>> rows = new ArrayList<>();
        for (int i = 0; i < chart.categories().size(); i++) {
            List<CellView> cells = new ArrayList<>();
            cells.add(new CellView(chart.categories().get(i), false, true, false));
            for (ChartSeries s : chart.series()) {
                Double v = s.values().get(i);
                boolean missing = v == null || !Double.isFinite(v);
                String text = missing ? Markers.NOT_AVAILABLE : CellFormatter.display(v, chart.valueType());
                cells.add(new CellView(text, true, false, missing));
            }
            rows.add(List.copyOf(cells));
        }
        List<String> notes = new ArrayList<>();
        if (chart.valueAxisLabel() != null && !chart.valueAxisLabel().isBlank()) {
            notes.add("Values: " + chart.valueAxisLabel() + ".");
        }
        if (chart.missingValueCount() > 0) notes.add(Markers.NOT_AVAILABLE_NOTE);
        return new TableView(id, "Data for chart: " + chart.title(), List.copyOf(headers), List.copyOf(rows),
                List.copyOf(notes), List.of(), headers.size() > WIDE);
    }
}
