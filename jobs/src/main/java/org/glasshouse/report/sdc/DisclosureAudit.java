package org.glasshouse.report.sdc;

import java.util.List;

/**
 * The audit of a release's disclosure control: the attacker's problem solved for every small count after
 * suppression. Only {@link #publicSummary()} goes into the release; the per-cell results name the small counts and
 * stay private.
 *
 * @param method            how secondary cells were chosen
 * @param search            how the pattern was found: optimal, best within the search limit, one count at a time,
 *                          or the last resort (the same on every run: the search is bounded by work, not time)
 * @param primaryCells      small counts hidden (1 to k−1)
 * @param secondaryCells    further counts hidden to protect them
 * @param peopleHidden      people in the further counts hidden (exact; private)
 * @param peopleHiddenShown what the release says about peopleHidden: a range the audit took into account
 * @param narrowest         the narrowest attacker interval of any hidden count (anyone can compute it)
 * @param narrowestCell     which hidden count it is
 * @param cells             per small count: value, interval, protection asked (private)
 */
public record DisclosureAudit(String method, int k, int p, String cost, SecondarySuppression.Search search, long millis,
                              int primaryCells, int secondaryCells, long peopleHidden, Range peopleHiddenShown,
                              Interval narrowest, String narrowestCell, List<CellAudit> cells) {

    public record Range(long low, long high) {
        public boolean exact() {
            return low == high;
        }
    }

    /**
     * A small count and what the attacker can learn of it.
     *
     * @param reduced true when the release's structure alone bounds the count tighter than p, whatever is hidden,
     *                and the protection asked was cut to that ({@link RequiredProtection})
     */
    public record CellAudit(String cell, long value, Interval interval, long neededBelow, long neededAbove,
                            boolean reduced, boolean protectedEnough) {}

    public boolean optimal() {
        return search == SecondarySuppression.Search.OPTIMAL;
    }

    public boolean passed() {
        return cells.stream().allMatch(CellAudit::protectedEnough);
    }

    public List<CellAudit> failures() {
        return cells.stream().filter(c -> !c.protectedEnough()).toList();
    }

    /** What the release publishes (disclosure_audit.json): nothing that names or sizes a small count. */
    public java.util.Map<String, Object> publicSummary() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("method", method);
        m.put("minimum_cell_size", k);
        m.put("protection_level", p);
        m.put("cost", cost);
        m.put("optimal", optimal());
        m.put("search", search.name().toLowerCase(java.util.Locale.ROOT));
        // Insertion-ordered maps only: Map.of iterates in an order salted per JVM, and the file must be the same
        // bytes on every run (a restarted run included).
        java.util.Map<String, Object> suppressed = new java.util.LinkedHashMap<>();
        suppressed.put("primary", primaryCells);
        suppressed.put("secondary", secondaryCells);
        m.put("cells_suppressed", suppressed);
        java.util.Map<String, Object> hidden = new java.util.LinkedHashMap<>();
        if (peopleHiddenShown != null) {
            hidden.put("low", peopleHiddenShown.low());
            hidden.put("high", peopleHiddenShown.high());
        }
        m.put("people_in_secondary_cells", peopleHiddenShown == null ? "withheld" : hidden);
        m.put("passed", passed());
        // Small counts that a published figure other than a count (a cost-outlier flag's presence) bounds above
        // p of their value whatever is hidden: anyone can work them out from the flags, so saying how many
        // tells nothing new, and the methodology page says why they are not hidden.
        m.put("small_counts_bounded_by_flags", cells.stream().filter(c -> c.neededAbove() < p).count());
        if (narrowest != null) {
            java.util.Map<String, Object> n = new java.util.LinkedHashMap<>();
            n.put("cell", narrowestCell);
            n.put("lower", narrowest.lower());
            n.put("upper", narrowest.upper());
            m.put("narrowest_interval", n);
        }
        return m;
    }
}
