package org.glasshouse.report;

import java.util.ArrayList;
import java.util.List;
import org.glasshouse.metrics.FlagDefinition;
import org.glasshouse.metrics.MetricDefinition;
import org.glasshouse.metrics.MetricDefinitions;
import org.glasshouse.metrics.Thresholds;

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
}
