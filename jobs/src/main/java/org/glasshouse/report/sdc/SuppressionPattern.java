package org.glasshouse.report.sdc;

import java.util.Set;
import java.util.TreeSet;

/** Which cells are hidden: the primary ones (small counts) and the secondary ones that protect them. */
public record SuppressionPattern(Set<String> primary, Set<String> secondary) {

    public SuppressionPattern {
        // Sorted, never Set.copyOf: its iteration order is salted per JVM, and what is built from a pattern must be
        // the same on every run.
        primary = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(primary));
        secondary = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(secondary));
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
