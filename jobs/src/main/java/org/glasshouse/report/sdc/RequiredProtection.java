package org.glasshouse.report.sdc;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The protection each small count needs, set so that a protecting pattern always exists. Asked for: the attacker
 * cannot rule out max(floor, x − p) nor x + p. What no pattern can give is not asked: with every cell that may be
 * hidden hidden (all but published zeros), the attacker still knows what the release's structure says — a hidden
 * count is at least 1 because zeros are published, so a total over m hidden parts is at least m. The requirement
 * is the asked interval cut to that one (solved as the attacker's integer problem), so hiding every cell linked to
 * a small count always meets it, and the audit checks patterns against it.
 */
public final class RequiredProtection {

    private RequiredProtection() {}

    public static Map<String, Protection> of(ProtectionProblem problem) {
        Set<String> primary = problem.primary();
        Map<String, Protection> out = new LinkedHashMap<>();
        if (primary.isEmpty()) return out;
        Set<String> everything = problem.hideable();
        AttackerIntervals attacker = new AttackerIntervals(problem);
        for (String id : primary) {
            Cell c = problem.cell(id);
            long askedLower = Math.max(c.floor(), c.value() - problem.p());
            long askedUpper = c.value() + problem.p();
            Protection asked = new Protection(id, c.value(), askedLower, askedUpper, false);
            // Most counts reach what is asked within a few cells of them: proved on that part, nothing cut.
            if (attacker.protects(everything, id, asked)) {
                out.put(id, asked);
                continue;
            }
            Interval best = attacker.exact(everything, id);
            long lower = Math.max(askedLower, (long) Math.ceil(best.lower() - 1e-6));
            long upper = Math.min(askedUpper, (long) Math.floor(best.upper() + 1e-6));
            out.put(id, new Protection(id, c.value(), lower, upper, lower != askedLower || upper != askedUpper));
        }
        if (Boolean.getBoolean("glasshouse.sdc.trace")) System.err.println("sdc: required protection: " + attacker);
        return out;
    }

    /** The cells protections were reduced for (their structure bounds them whatever is hidden). */
    public static Set<String> reduced(Map<String, Protection> required) {
        Set<String> out = new LinkedHashSet<>();
        required.forEach((id, p) -> {
            if (p.reduced()) out.add(id);
        });
        return out;
    }
}
