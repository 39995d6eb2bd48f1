package org.glasshouse.report;

import java.util.List;

/**
 * A published total and the detail cells that add up to it, possibly in another table of the release: e.g. the
 * agreements of a programme and the programme's beneficiaries. Complementary suppression uses these relations so a
 * suppressed detail cannot be recovered as "total − the other details". Distinct counts of people are not strictly
 * additive (a person served by two partners counts once in the total), but treating them as additive is the safe
 * side: an attacker's subtraction still comes close to the hidden value.
 *
 * @param detailTable  table holding the detail cells
 * @param detailColumn the people count in the detail table
 * @param join         key columns present in both tables that select a group's total row
 * @param partition    further detail columns that split a group (e.g. reach_breakdown's dimension); each partition
 *                     adds up to the total on its own
 * @param totalTable   table holding the total
 * @param totalColumn  the people count in the total table
 */
public record Additivity(String detailTable, String detailColumn, List<String> join, List<String> partition,
                         String totalTable, String totalColumn) {

    public Additivity {
        join = List.copyOf(join);
        partition = List.copyOf(partition);
    }
}
