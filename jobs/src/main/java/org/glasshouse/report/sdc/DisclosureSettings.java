package org.glasshouse.report.sdc;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of disclosure control beyond the minimum cell size (glasshouse.report.minimum-cell-size). Defaults are
 * in config/application.yml; a missing value means: protection level = the minimum cell size, cost = people,
 * search limit {@value SecondarySuppression#DEFAULT_SEARCH_LIMIT}.
 *
 * @param protectionLevel p, in people: the attacker's interval of a small count must reach p above it and p below
 *                        it (or down to 1, or to what the release's structure allows)
 * @param cost            what secondary suppression minimises: people (the sum of the counts hidden beyond the
 *                        small ones) or cells (their number)
 * @param searchLimit     linear programs one master problem's branch and bound may solve; past it the best
 *                        protected pattern found is used. A count of work, not seconds, so every run of the same
 *                        release hides the same cells however busy the machine
 */
@ConfigurationProperties(prefix = "glasshouse.disclosure")
public record DisclosureSettings(Integer protectionLevel, String cost, Integer searchLimit) {

    public int protectionLevel(int k) {
        return protectionLevel == null || protectionLevel <= 0 ? k : protectionLevel;
    }

    public SecondarySuppression.Cost costFunction() {
        if (cost == null || cost.isBlank() || cost.equalsIgnoreCase("people")) return SecondarySuppression.Cost.PEOPLE;
        if (cost.equalsIgnoreCase("cells")) return SecondarySuppression.Cost.CELLS;
        throw new IllegalArgumentException("glasshouse.disclosure.cost must be people or cells, was " + cost);
    }

    /** Unset: the default; 0: no search, the last resort for every small count (benchmarks, emergencies). */
    public int searchLimitOrDefault() {
        return searchLimit == null || searchLimit < 0 ? SecondarySuppression.DEFAULT_SEARCH_LIMIT : searchLimit;
    }
}
