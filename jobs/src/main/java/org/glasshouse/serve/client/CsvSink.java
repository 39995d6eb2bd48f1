package org.glasshouse.serve.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes every row of a result to a CSV file (RFC 4180, header row, empty cell for null) as batches arrive. */
public final class CsvSink implements BatchSink, AutoCloseable {

    private final Path file;
    private CSVPrinter printer;
    private long rows;

    public CsvSink(Path file) {
        this.file = file;
    }

    @Override
    public void start(VectorSchemaRoot root) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            String[] names = root.getSchema().getFields().stream().map(f -> f.getName()).toArray(String[]::new);
            printer = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(names).get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public boolean batch(VectorSchemaRoot root) {
        List<FieldVector> vectors = root.getFieldVectors();
        Object[] cells = new Object[vectors.size()];
        try {
            for (int r = 0; r < root.getRowCount(); r++) {
                for (int c = 0; c < cells.length; c++) {
                    String text = CellText.of(vectors.get(c), r);
                    cells[c] = text == null ? "" : text;
                }
                printer.printRecord(cells);
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return true;
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        if (printer != null) printer.close();
    }
}
