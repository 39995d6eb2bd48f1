package org.glasshouse.serve.client;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Keeps the first N rows of a result as text and prints them as Spark's show() does (+---+ borders). */
public final class TableSink implements BatchSink {

    private final int limit;
    private final List<String> header = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private boolean more;

    public TableSink(int limit) {
        this.limit = limit;
    }

    @Override
    public void start(VectorSchemaRoot root) {
        root.getSchema().getFields().forEach(f -> header.add(f.getName()));
    }

    @Override
    public boolean batch(VectorSchemaRoot root) {
        List<FieldVector> vectors = root.getFieldVectors();
        for (int r = 0; r < root.getRowCount(); r++) {
            if (rows.size() == limit) {
                more = true;
                return false;
            }
            String[] cells = new String[vectors.size()];
            for (int c = 0; c < cells.length; c++) {
                String text = CellText.of(vectors.get(c), r);
                cells[c] = text == null ? "NULL" : text;
            }
            rows.add(cells);
        }
        return true;
    }

    public int rowCount() {
        return rows.size();
    }

    public void print(PrintStream out) {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = Math.max(3, header.get(c).length());
            for (String[] row : rows) width[c] = Math.max(width[c], row[c].length());
        }
        StringBuilder line = new StringBuilder("+");
        for (int w : width) line.append("-".repeat(w)).append('+');
        StringBuilder sb = new StringBuilder().append(line).append('\n');
        appendRow(sb, header.toArray(String[]::new), width);
        sb.append(line).append('\n');
        for (String[] row : rows) appendRow(sb, row, width);
        sb.append(line).append('\n');
        if (more) sb.append("only showing top ").append(limit).append(limit == 1 ? " row\n" : " rows\n");
        out.print(sb);
    }

    private static void appendRow(StringBuilder sb, String[] cells, int[] width) {
        sb.append('|');
        for (int c = 0; c < cells.length; c++) {
            sb.append(cells[c]).append(" ".repeat(width[c] - cells[c].length())).append('|');
        }
        sb.append('\n');
    }
}
