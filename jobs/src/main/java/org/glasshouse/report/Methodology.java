package org.glasshouse.report;

import java.util.ArrayList;
import java.util.List;
import org.glasshouse.metrics.ColumnLabels;
import org.glasshouse.metrics.FlagDefinition;
import org.glasshouse.metrics.MetricDefinition;
import org.glasshouse.metrics.MetricDefinitions;
import org.glasshouse.metrics.Thresholds;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;

/**
 * The methodology page's entries, taken from the metrics catalogue ({@link MetricDefinitions}) that also generates
 * docs/methodology.md, so the page and the document cannot drift apart.
 */
public final class Methodology {

    private Methodology() {}

    public static List<MethodologyEntry> entries(Thresholds thresholds) {
        List<MethodologyEntry> out = new ArrayList<>();
        for (MetricDefinition d : MetricDefinitions.all(thresholds)) {
            out.add(new MethodologyEntry(d.name(), d.definition(), d.formula(), d.unit(), d.edgeCases(),
                    d.threshold() == null ? "" : d.threshold()));
        }
        for (FlagDefinition f : MetricDefinitions.flags(thresholds)) {
            out.add(new MethodologyEntry(f.rule().id() + " " + f.rule().title(), f.rule().definition(), "",
                    "flag on a " + f.rule().subjectType(), "", f.threshold()));
        }
        return out;
    }

    /**
     * The definitions as the page shows them: the plain name first, the open-data column name after it. The short
     * form (for the PDF) leaves out the unit and the special cases.
     */
    static DataTable table(List<MethodologyEntry> entries, boolean full) {
        List<PageTables.Field> fields = full ? List.of(
                field("metric", r -> r.get(0)), field("definition", r -> r.get(1)), field("formula", r -> r.get(2)),
                field("unit", r -> r.get(3)), field("edge_cases", r -> r.get(4)), field("threshold", r -> r.get(5)))
                : List.of(field("metric", r -> r.get(0)), field("definition", r -> r.get(1)),
                        field("formula", r -> r.get(2)), field("threshold", r -> r.get(5)));
        List<List<Object>> rows = new ArrayList<>();
        for (MethodologyEntry e : entries) {
            rows.add(List.of(plainName(e.name()), e.definition(), e.formula(), e.unit(), e.edgeCases(), e.threshold()));
        }
        return PageTables.table("methodology", "Metric definitions", null, fields, rows);
    }

    private static PageTables.Field field(String key, java.util.function.Function<List<Object>, Object> f) {
        return new PageTables.Field(key, "methodology", ColumnType.TEXT, f);
    }

    /** "Paid out (disbursed)" for a metric with a label; flag rules and grouped entries keep their own names. */
    static String plainName(String name) {
        ColumnLabels.Label l = ColumnLabels.of(null, name);
        return l == null || l.label().equalsIgnoreCase(name) ? name : l.label() + " (" + name + ")";
    }
}
