package org.glasshouse.report.sdc;

import java.util.function.Function;

/**
 * A count column that prints a count known by another name: the same count on two rows (an impact estimate's n on
 * its pre_post and did rows) or in two tables (a flag's people = the agreement's beneficiaries). The rows become
 * positions of one cell, so hiding it hides it everywhere.
 *
 * @param name the cell's name for a row, or null for the default (table[key].column)
 */
public record RepeatedCount(String table, String column, Function<TableRow, String> name) implements ModelRule {

    @Override
    public void nameCells(ModelBuilder model) {
        model.nameCells(table, column, name);
    }

    @Override
    public void apply(ModelBuilder model) {}
}
