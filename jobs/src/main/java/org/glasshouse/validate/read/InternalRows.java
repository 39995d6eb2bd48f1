package org.glasshouse.validate.read;

import java.util.Iterator;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The parser's rows in Spark's internal form ({@link RawRows#schema} plus {@link RawRows#FILE_ORDER}), made where
 * they are parsed: Spark takes them as they are, instead of converting every external Row field by field through
 * its generic converters, and the file's order comes with each row instead of through a join. The cells that are
 * the same on every row of a file (file id, partner, the file's rule) are converted once per file.
 */
public final class InternalRows implements FlatMapFunction<ParseTask, InternalRow> {

    private final FileParser parser;
    private final Map<String, Integer> fileOrder;

    public InternalRows(FileParser parser, Map<String, Integer> fileOrder) {
        this.parser = parser;
        this.fileOrder = Map.copyOf(fileOrder);
    }

    @Override
    public Iterator<InternalRow> call(ParseTask task) throws Exception {
        Iterator<Row> rows = parser.call(task);
        UTF8String fileId = UTF8String.fromString(task.fileId());
        UTF8String partner = UTF8String.fromString(task.partnerId());
        UTF8String fileRule = task.fileRule() == null ? null : UTF8String.fromString(task.fileRule());
        int order = fileOrder.getOrDefault(task.fileId(), 0);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public InternalRow next() {
                Row r = rows.next();
                int n = r.length();
                Object[] cells = new Object[n + 1];
                for (int i = 0; i < n; i++) {
                    Object v = r.get(i);
                    cells[i] = switch (i) {
                        case 0 -> fileId;
                        case 1 -> partner;
                        case 2 -> v;
                        case 5 -> v == null ? null : (v.equals(task.fileRule()) ? fileRule : UTF8String.fromString((String) v));
                        default -> v == null ? null : UTF8String.fromString((String) v);
                    };
                }
                cells[n] = order;
                return new GenericInternalRow(cells);
            }
        };
    }
}
