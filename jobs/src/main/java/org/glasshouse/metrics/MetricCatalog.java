package org.glasshouse.metrics;

import java.util.List;

/** Every metric table the pipeline computes, in the order they are written. */
public final class MetricCatalog {

    private MetricCatalog() {}

    public static List<MetricTable> all() {
        return List.of(new AgreementMetrics(), new ProgrammeMetrics(), new PartnerMetrics(), new OverallMetrics(),
                new ReachBreakdown(), new IndicatorResults(), new ImpactEstimates(), new DataQuality(),
                new BenfordTests(), new BenfordDigits(), new CostQuartiles(), new IntegrityFlags());
    }
}
