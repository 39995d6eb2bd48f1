package org.glasshouse.report.sdc;

import java.util.List;
import java.util.function.BiFunction;

/**
 * What a derived column is computed from, row by row (cells of this row or of other tables): the figure is
 * published only while all of them are.
 */
public record ComputedFrom(String table, List<String> columns, BiFunction<ModelBuilder, TableRow, List<String>> inputs)
        implements ModelRule {

    public ComputedFrom {
        columns = List.copyOf(columns);
    }

    /** Computed from the named count columns of the same row. */
    public static ComputedFrom sameRow(String table, List<String> columns, String... counts) {
        return new ComputedFrom(table, columns, (m, row) -> {
            List<String> in = new java.util.ArrayList<>();
            for (String c : counts) in.add(m.cellAt(row, c));
            return in;
        });
    }

    @Override
    public void apply(ModelBuilder model) {
        for (TableRow row : model.rows(table)) {
            List<String> in = inputs.apply(model, row);
            for (String c : columns) if (row.has(c)) model.derive(row.at(c), in);
        }
    }
}
