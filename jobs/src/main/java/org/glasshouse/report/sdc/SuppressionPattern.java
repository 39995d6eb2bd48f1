package org.glasshouse.report.sdc;

import java.util.Set;
import java.util.TreeSet;

/** Which cells are hidden: the primary ones (small counts) and the secondary ones that protect them. */
public record SuppressionPattern(Set<String> primary, Set<String> secondary) {

    public SuppressionPattern {
        primary = Set.copyOf(primary);
        secondary = Set.copyOf(secondary);
    }

    public Set<String> hidden() {
        Set<String> all = new TreeSet<>(primary);
        all.addAll(secondary);
        return all;
    }

    public boolean isHidden(String cell) {
        return primary.contains(cell) || secondary.contains(cell);
    }
}
