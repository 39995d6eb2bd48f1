package org.glasshouse.reports.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;

/**
 * Writes a {@link DataTable} as RFC 4180 CSV: UTF-8 without BOM, CRLF, a header of column names,
 * cells formatted by {@link CellFormatter}, and text cells that a spreadsheet would read as a formula
 * (starting with = + - @ tab or CR) prefixed with a single quote.
 */
public final class CsvTableWriter {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setRecordSeparator("\r\n")
            .get();

    private CsvTableWriter() {
    }

    public static void write(DataTable table, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
                List<String> header = new ArrayList<>();
                for (Column c : table.columns()) {
                    header.add(FormulaGuard.neutralise(c.name()));
                }
                csv.printRecord(header);
                for (List<Object> row : table.rows()) {
                    csv.printRecord(cells(table.columns(), row));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static List<String> cells(List<Column> columns, List<Object> row) {
        List<String> out = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            ColumnType type = columns.get(i).type();
            Object value = row.get(i);
            String text = CellFormatter.plain(value, type);
            out.add(CellFormatter.printsAsNumber(value, type) ? text : FormulaGuard.neutralise(text));
        }
        return out;
    }
}
