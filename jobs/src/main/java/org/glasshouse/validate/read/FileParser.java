package org.glasshouse.validate.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Runs on executors: streams one landed file into text rows (one per record, never dropping one), with the line
 * number, the raw text and, for rows that cannot be split, the malformed-row rule. Personal fields are hashed here,
 * before any row leaves the reader.
 */
public final class FileParser implements FlatMapFunction<ParseTask, Row> {

    // Numbers keep the digits the partner wrote (-250.00 stays -250.00 in quarantine and feedback).
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final Pseudonymiser pseudonymiser;

    public FileParser(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    @Override
    public Iterator<Row> call(ParseTask task) throws IOException {
        if (task.format().equals("parquet")) return new ParquetRows(task);
        if (task.format().equals("xlsx")) return new XlsxRows(task);
        BufferedReader in = new BufferedReader(new InputStreamReader(
                Files.newInputStream(Path.of(task.path())), Charset.forName(task.charset())), 1 << 16);
        return switch (task.format()) {
            case "csv" -> new CsvRows(task, in);
            case "jsonl" -> new JsonRows(task, in);
            default -> {
                in.close();
                throw new IOException("format " + task.format() + " has no row reader");
            }
        };
    }

    private Row row(ParseTask t, long line, String raw, String malformed, String[] values, String flex) {
        Object[] cells = new Object[RawRows.LINEAGE_COLUMNS + values.length];
        cells[0] = t.fileId();
        cells[1] = t.partnerId();
        cells[2] = line;
        cells[3] = raw;
        cells[4] = malformed;
        cells[5] = t.fileRule();
        cells[6] = flex;
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v != null && t.personal()[i]) v = pseudonymiser.token(v);
            cells[RawRows.LINEAGE_COLUMNS + i] = v;
        }
        return RowFactory.create(cells);
    }

    /** Base for lazily streamed rows: reads one record ahead and closes the file at the end. */
    private abstract static class Rows implements Iterator<Row> {
        final ParseTask task;
        final java.io.Closeable in;
        private Row next;
        private boolean done;

        Rows(ParseTask task, java.io.Closeable in) {
            this.task = task;
            this.in = in;
        }

        abstract Row read() throws IOException;

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    next = read();
                    if (next == null) {
                        done = true;
                        in.close();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("reading " + task.path(), e);
                }
            }
            return next != null;
        }

        @Override
        public Row next() {
            if (!hasNext()) throw new NoSuchElementException();
            Row r = next;
            next = null;
            return r;
        }
    }

    /** Values of a row whose columns are known by position (CSV, .xlsx, Parquet): mapped to fields, plus flex. */
    private Row positional(ParseTask task, long line, String raw, String[] cols) {
        String[] values = new String[task.fieldNames().size()];
        String malformed = cols.length > task.headerWidth() ? MalformedRule.TOO_MANY_FIELDS
                : cols.length < task.headerWidth() ? MalformedRule.TOO_FEW_FIELDS : null;
        if (malformed == null) {
            for (int i = 0; i < values.length; i++) {
                int c = task.fieldColumns()[i];
                values[i] = c >= 0 ? blankToNull(cols[c]) : null;
            }
        }
        return row(task, line, raw, malformed, values, flex(task, cols));
    }

    private static String flex(ParseTask task, String[] cols) {
        if (task.flexColumns().length == 0) return null;
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < task.flexColumns().length; i++) {
            int c = task.flexColumns()[i];
            o.put(task.flexNames().get(i), c < cols.length ? cols[c] : null);
        }
        return o.toString();
    }

    /** Parquet: every record is a row; its 1-based position is its row number. */
    private final class ParquetRows extends Rows {
        private final ParquetRecords records;
        private long row;

        ParquetRows(ParseTask task) throws IOException {
            this(task, new ParquetRecords(Path.of(task.path())));
        }

        private ParquetRows(ParseTask task, ParquetRecords records) {
            super(task, records);
            this.records = records;
        }

        @Override
        Row read() throws IOException {
            String[] cols = records.next();
            if (cols == null) return null;
            row++;
            return positional(task, row, records.raw(cols), cols);
        }
    }

    /**
     * .xlsx: the first sheet's non-empty rows after the header, numbered as in Excel. The sheet is parsed in one
     * SAX pass into memory (bounded by the configured maximum file size); POI has no pull parser.
     */
    private final class XlsxRows extends Rows {
        private final Iterator<XlsxSheet.SheetRow> rows;

        XlsxRows(ParseTask task) throws IOException {
            super(task, () -> { });
            List<XlsxSheet.SheetRow> all = XlsxSheet.read(Path.of(task.path()), Integer.MAX_VALUE);
            this.rows = all.isEmpty() ? all.iterator() : all.subList(1, all.size()).iterator();
        }

        @Override
        Row read() {
            if (!rows.hasNext()) return null;
            XlsxSheet.SheetRow r = rows.next();
            // Trailing empty cells are normal in a sheet: only cells beyond the header with a value are "too many".
            List<String> cells = new ArrayList<>(r.cells());
            while (cells.size() > task.headerWidth() && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            while (cells.size() < task.headerWidth()) cells.add("");
            String[] cols = cells.toArray(String[]::new);
            return positional(task, r.rowNumber(), csvLine(cols), cols);
        }
    }

    /** A row's cells as one CSV line: the raw text of a spreadsheet row in quarantine. */
    static String csvLine(String[] cols) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cols.length; i++) {
            if (i > 0) b.append(',');
            String c = cols[i] == null ? "" : cols[i];
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private final class CsvRows extends Rows {
        private final CsvRecordReader records;
        private final CsvParser fields;

        CsvRows(ParseTask task, BufferedReader in) throws IOException {
            super(task, in);
            this.records = new CsvRecordReader(in);
            CsvParserSettings s = new CsvParserSettings();
            s.getFormat().setDelimiter(task.delimiter());
            s.getFormat().setQuote('"');
            s.getFormat().setQuoteEscape('"');
            s.getFormat().setLineSeparator("\n");
            s.setMaxColumns(Math.max(512, task.headerWidth() * 2));
            s.setMaxCharsPerColumn(1 << 20);
            s.setNullValue(null);
            s.setEmptyValue(null);
            this.fields = new CsvParser(s);
            records.next(); // the header, already inspected on the driver
        }

        @Override
        Row read() throws IOException {
            CsvRecordReader.RawRecord rec = records.next();
            if (rec == null) return null;
            String[] values = new String[task.fieldNames().size()];
            if (rec.unbalanced()) {
                return row(task, rec.line(), rec.text(), MalformedRule.UNBALANCED_QUOTES, values, null);
            }
            String[] cols = fields.parseLine(rec.text());
            if (cols == null) cols = new String[0];
            return positional(task, rec.line(), rec.text(), cols);
        }
    }

    private final class JsonRows extends Rows {
        private long line;

        private final BufferedReader in;

        JsonRows(ParseTask task, BufferedReader in) {
            super(task, in);
            this.in = in;
        }

        @Override
        Row read() throws IOException {
            String text;
            do {
                text = in.readLine();
                if (text == null) return null;
                line++;
                if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
            } while (text.isBlank());
            String[] values = new String[task.fieldNames().size()];
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (IOException e) {
                node = null;
            }
            if (node == null || !node.isObject()) {
                return row(task, line, text, MalformedRule.NOT_A_JSON_OBJECT, values, null);
            }
            JsonNode object = node;
            for (int i = 0; i < values.length; i++) values[i] = text(object.get(task.fieldNames().get(i)));
            ObjectNode flex = JSON.createObjectNode();
            object.fieldNames().forEachRemaining(n -> {
                if (n.startsWith("flex_")) flex.put(n, text(object.get(n)));
            });
            return row(task, line, text, null, values, flex.isEmpty() ? null : flex.toString());
        }

        private static String text(JsonNode v) {
            if (v == null || v.isNull()) return null;
            if (v.isBigDecimal() || v.isDouble() || v.isFloat()) return v.decimalValue().toPlainString();
            if (v.isValueNode()) return blankToNull(v.asText());
            return v.toString();
        }
    }

    private static String blankToNull(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
