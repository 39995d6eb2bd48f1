package org.glasshouse.validate.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Runs on executors: streams one landed file into text rows (one per record, never dropping one), with the line
 * number, the raw text and, for rows that cannot be split or go beyond a limit, the malformed-row rule. Personal
 * fields are hashed here, before any row leaves the reader.
 *
 * <p>One file's problems stay with that file. A problem of one row (an unbounded line, an oversized value, bytes
 * that are not UTF-8, a NUL, a JSON number like 1e999999999) quarantines that row and reading goes on. A problem
 * that ends the reading (a workbook or Parquet file damaged after its header, a limit on the whole file passed)
 * ends this file only: the rows read so far are emitted as usual and a file event (FIL-009 and kin) follows them;
 * the driver then quarantines those rows, since a file that breaks off is incomplete. Only the agency's own faults
 * (the landed copy cannot be read, a bug) escape and fail the run ({@link ReadFailure}).
 */
public final class FileParser implements FlatMapFunction<ParseTask, Row> {

    private final Pseudonymiser pseudonymiser;
    private final InputLimits limits;
    /** The store settings for landed files not on the local disk, shipped once to each executor; null when none. */
    private final Broadcast<SerializableConfiguration> stores;

    public FileParser(Pseudonymiser pseudonymiser, InputLimits limits) {
        this(pseudonymiser, limits, null);
    }

    public FileParser(Pseudonymiser pseudonymiser, InputLimits limits, Broadcast<SerializableConfiguration> stores) {
        this.pseudonymiser = pseudonymiser;
        this.limits = limits;
        this.stores = stores;
    }

    /**
     * A parser for these tasks: when a task's file is on another store than the local disk (hdfs://, s3a://), the
     * SparkSession's Hadoop configuration (with glasshouse.storage.hadoop) is broadcast so the executors can open it;
     * local files are read with java.nio and need nothing shipped.
     */
    public static FileParser forTasks(JavaSparkContext jsc, Pseudonymiser pseudonymiser, InputLimits limits,
                                      List<ParseTask> tasks) {
        boolean remote = tasks.stream().anyMatch(t -> LandedInput.local(t.path()) == null);
        return new FileParser(pseudonymiser, limits, remote
                ? jsc.broadcast(new SerializableConfiguration(jsc.hadoopConfiguration())) : null);
    }

    /** The Hadoop configuration for opening a landed file on a store (unused for local files). */
    private Configuration conf() {
        return stores != null ? stores.value().value() : LandedInput.driverConf();
    }

    private Configuration confFor(ParseTask task) {
        return LandedInput.local(task.path()) != null ? null : conf();
    }

    @Override
    public Iterator<Row> call(ParseTask task) throws IOException {
        try {
            return switch (task.format()) {
                case "parquet" -> new ParquetRows(task);
                case "xlsx" -> new XlsxRows(task);
                case "csv" -> new CsvRows(task);
                case "jsonl" -> new JsonRows(task);
                default -> throw new IllegalArgumentException("format " + task.format() + " has no row reader");
            };
        } catch (IOException | RuntimeException e) {
            if (ReadFailure.isAgencyFault(e)) throw e;
            return List.of(event(task, 0, ReadFailure.ruleOf(e), breakMessage(task, 0, e))).iterator();
        }
    }

    /** A row of the file: lineage, the malformed rule (or null), a detail message (or null), then the fields. */
    Row row(ParseTask t, long line, String raw, String malformed, String detail, String[] values, String flex) {
        Object[] cells = new Object[RawRows.LINEAGE_COLUMNS + values.length];
        cells[0] = t.fileId();
        cells[1] = t.partnerId();
        cells[2] = line;
        cells[3] = raw == null ? null : RawText.bounded(raw, limits.lineChars());
        cells[4] = malformed;
        cells[5] = t.fileRule();
        cells[6] = flex;
        cells[7] = detail;
        cells[8] = null;
        for (int i = 0; i < values.length; i++) {
            String v = malformed == null ? values[i] : null;
            if (v != null && t.personal()[i]) v = pseudonymiser.token(v);
            cells[RawRows.LINEAGE_COLUMNS + i] = v;
        }
        return RowFactory.create(cells);
    }

    /** A malformed row: kept raw (as partners can be shown it), judged by its rule alone. */
    Row malformed(ParseTask t, long line, String raw, String rule, String detail) {
        return malformed(t, line, raw, rule, detail, null);
    }

    /** ... with the row's flex columns, when they could be read, so the partner can trace it. */
    Row malformed(ParseTask t, long line, String raw, String rule, String detail, String flex) {
        return row(t, line, raw == null ? null : TextInput.shown(raw), rule, detail,
                new String[t.fieldNames().size()], flex);
    }

    /** Not a row: a file-level finding raised on the executor, carried to the driver (see {@link RawRows}). */
    static Row event(ParseTask t, long line, String rule, String message) {
        Object[] cells = new Object[RawRows.LINEAGE_COLUMNS + t.fieldNames().size()];
        cells[0] = t.fileId();
        cells[1] = t.partnerId();
        cells[2] = line;
        cells[7] = message;
        cells[8] = rule;
        return RowFactory.create(cells);
    }

    private static String breakMessage(ParseTask task, long lastRow, Throwable e) {
        String name = LandedInput.name(task.path());
        String where = lastRow == 0 ? "before its first row could be read"
                : "after row " + lastRow + " (the rows before it are quarantined, the rest was not read)";
        String why = ReadFailure.describe(e, task.path(), name);
        return e instanceof InputProblem ? why + " (" + where + ")"
                : "The file broke off " + where + ": " + why + ".";
    }

    /**
     * Base for lazily streamed rows: reads one record ahead, turns a failure of the file into a file event after
     * the rows read so far, emits the file events a reader queued (e.g. flex columns dropped) once it is done, and
     * closes the file at the end.
     */
    private abstract class Rows implements Iterator<Row> {
        final ParseTask task;
        private final Closeable in;
        final Deque<Row> pending = new ArrayDeque<>();
        private boolean done;
        /** The last line or row number read: where a break is reported. */
        long position;

        Rows(ParseTask task, Closeable in) {
            this.task = task;
            this.in = in;
        }

        /** The next row, or null at the end; may queue file events in {@link #pending} instead. */
        abstract Row read() throws IOException;

        /** File events to emit once the file has been read to its end. */
        void finished() {}

        @Override
        public boolean hasNext() {
            while (pending.isEmpty() && !done) {
                Row r;
                try {
                    r = read();
                } catch (IOException | RuntimeException e) {
                    if (ReadFailure.isAgencyFault(e)) {
                        close();
                        if (e instanceof IOException io) throw new UncheckedIOException("reading " + task.path(), io);
                        throw (RuntimeException) e;
                    }
                    pending.add(event(task, position, ReadFailure.ruleOf(e), breakMessage(task, position, e)));
                    done = true;
                    close();
                    break;
                }
                if (r == null) {
                    done = true;
                    finished();
                    close();
                } else {
                    pending.add(r);
                }
            }
            return !pending.isEmpty();
        }

        @Override
        public Row next() {
            if (!hasNext()) throw new NoSuchElementException();
            return pending.poll();
        }

        private void close() {
            try {
                in.close();
            } catch (IOException | RuntimeException e) {
                // the file has been read (or has broken); a failure to close it changes nothing read
            }
        }
    }

    /**
     * Values of a row whose columns are known by position (CSV, .xlsx, Parquet): mapped to fields, plus flex. A
     * row wider or narrower than the header, or with a value over the field limit, is malformed.
     */
    Row positional(ParseTask task, long line, String raw, String[] cols, int extraCols) {
        for (int c = 0; c < cols.length; c++) {
            if (cols[c] != null && cols[c].length() > limits.fieldChars()) {
                return malformed(task, line, raw, MalformedRule.FIELD_TOO_LONG, String.format(Locale.ROOT,
                        "The value in column %d is longer than %,d characters (the field limit).", c + 1,
                        limits.fieldChars()));
            }
        }
        int width = cols.length + extraCols;
        if (width > task.headerWidth()) {
            return malformed(task, line, raw, MalformedRule.TOO_MANY_FIELDS, extraCols == 0 ? null
                    : String.format(Locale.ROOT, "The row has more than %,d fields (the column limit).",
                            limits.columns()), flex(task, cols));
        }
        if (width < task.headerWidth()) {
            return malformed(task, line, raw, MalformedRule.TOO_FEW_FIELDS, null, flex(task, cols));
        }
        String[] values = new String[task.fieldNames().size()];
        for (int i = 0; i < values.length; i++) {
            int c = task.fieldColumns()[i];
            values[i] = c >= 0 ? blankToNull(cols[c]) : null;
        }
        return row(task, line, raw, null, null, values, flex(task, cols));
    }

    /** A line beyond the line limit: quarantined with its start, reading goes on at the next line. */
    private Row lineTooLong(ParseTask task, long line, String start, long length) {
        return malformed(task, line, start, MalformedRule.LINE_TOO_LONG, String.format(Locale.ROOT,
                "The line has %,d characters, more than the limit of %,d; only its start is kept.", length,
                limits.lineChars()));
    }

    private static String flex(ParseTask task, String[] cols) {
        if (task.flexColumns().length == 0) return null;
        ObjectNode o = JsonLine.MAPPER.createObjectNode();
        for (int i = 0; i < task.flexColumns().length; i++) {
            int c = task.flexColumns()[i];
            o.put(task.flexNames().get(i), c < cols.length ? cols[c] : null);
        }
        return o.toString();
    }

    /** Parquet: every record is a row; its 1-based position is its row number. */
    private final class ParquetRows extends Rows {
        private final ParquetRecords records;

        ParquetRows(ParseTask task) throws IOException {
            this(task, new ParquetRecords(task.path(), confFor(task)));
        }

        private ParquetRows(ParseTask task, ParquetRecords records) {
            super(task, records);
            this.records = records;
        }

        @Override
        Row read() throws IOException {
            String[] cols = records.next();
            if (cols == null) return null;
            position++;
            return positional(task, position, records.raw(cols), cols, 0);
        }
    }

    /** .xlsx: the first sheet's non-empty rows after the header, streamed, numbered as in Excel. */
    private final class XlsxRows extends Rows {
        private final XlsxSheet sheet;
        private boolean headerSkipped;

        XlsxRows(ParseTask task) throws IOException {
            this(task, LandedInput.localFile(task.path(), confFor(task)));
        }

        /** A workbook is a zip, read by random access: a file on another store is read from a local copy. */
        private XlsxRows(ParseTask task, LandedInput.LocalFile file) throws IOException {
            this(task, openOrDelete(file, limits), file);
        }

        private XlsxRows(ParseTask task, XlsxSheet sheet, LandedInput.LocalFile file) throws IOException {
            super(task, () -> {
                try {
                    if (sheet != null) sheet.close();
                } finally {
                    file.close();
                }
            });
            if (sheet == null) {
                file.close();
                throw new IOException("the workbook has no sheet");
            }
            this.sheet = sheet;
        }

        @Override
        Row read() throws IOException {
            if (!headerSkipped) {
                headerSkipped = true;
                XlsxSheet.SheetRow header = sheet.next(); // already inspected on the driver
                if (header == null) return null;
                position = header.rowNumber();
            }
            XlsxSheet.SheetRow r = sheet.next();
            if (r == null) return null;
            position = r.rowNumber();
            // Trailing empty cells are normal in a sheet: only cells beyond the header with a value are "too many".
            List<String> cells = new ArrayList<>(r.cells());
            while (cells.size() > task.headerWidth() && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            while (cells.size() < task.headerWidth()) cells.add("");
            String[] cols = cells.toArray(String[]::new);
            return positional(task, r.rowNumber(), csvLine(cols, limits.lineChars()), cols, r.extraCells());
        }
    }

    private static XlsxSheet openOrDelete(LandedInput.LocalFile file, InputLimits limits) throws IOException {
        try {
            return XlsxSheet.open(file.path(), limits);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** A row's cells as one CSV line (cut to {@code max} characters): the raw text of a spreadsheet row. */
    static String csvLine(String[] cols, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cols.length && b.length() <= max; i++) {
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
        private final CsvLine fields;

        CsvRows(ParseTask task) throws IOException {
            this(task, new LineReader(TextInput.open(task.path(), confFor(task), task.charset()), limits.lineChars()));
        }

        private CsvRows(ParseTask task, LineReader lines) throws IOException {
            super(task, lines);
            this.records = new CsvRecordReader(lines, limits.lineChars());
            this.fields = new CsvLine(task.delimiter(), limits);
            records.next(); // the header, already inspected on the driver
        }

        @Override
        Row read() throws IOException {
            CsvRecordReader.RawRecord rec = records.next();
            if (rec == null) return null;
            position = rec.line();
            if (rec.tooLong()) return lineTooLong(task, rec.line(), rec.text(), rec.length());
            String characters = TextInput.characterRule(rec.text());
            if (characters != null) return malformed(task, rec.line(), rec.text(), characters, null);
            if (rec.unbalanced()) {
                return malformed(task, rec.line(), rec.text(), MalformedRule.UNBALANCED_QUOTES, null);
            }
            CsvLine.Parsed p = fields.parse(rec.text());
            if (p.rule() != null) return malformed(task, rec.line(), rec.text(), p.rule(), p.detail());
            return positional(task, rec.line(), rec.text(), p.fields(), 0);
        }
    }

    private final class JsonRows extends Rows {
        private final LineReader lines;
        private final JsonLine json;

        JsonRows(ParseTask task) throws IOException {
            this(task, new LineReader(TextInput.open(task.path(), confFor(task), task.charset()), limits.lineChars()));
        }

        private JsonRows(ParseTask task, LineReader lines) {
            super(task, lines);
            this.lines = lines;
            this.json = new JsonLine(task.fieldNames(), limits);
        }

        @Override
        Row read() throws IOException {
            LineReader.Line line;
            do {
                line = lines.next();
                if (line == null) return null;
            } while (!line.tooLong() && line.text().isBlank());
            position = line.number();
            if (line.tooLong()) return lineTooLong(task, line.number(), line.text(), line.length());
            String characters = TextInput.characterRule(line.text());
            if (characters != null) return malformed(task, line.number(), line.text(), characters, null);
            JsonLine.Parsed p = json.parse(line.text());
            if (p.rule() != null) return malformed(task, line.number(), line.text(), p.rule(), p.detail());
            return row(task, line.number(), line.text(), null, null, p.values(), p.flex());
        }

        @Override
        void finished() {
            if (json.droppedFlexKeys() > 0) {
                pending.add(event(task, position, FileRule.TOO_MANY_FLEX_COLUMNS, String.format(Locale.ROOT,
                        "The file has %,d more distinct flex_* keys than the limit of %,d; only the first %,d are "
                                + "echoed back.", json.droppedFlexKeys(), limits.flexColumns(), limits.flexColumns())));
            }
        }
    }

    static String blankToNull(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
