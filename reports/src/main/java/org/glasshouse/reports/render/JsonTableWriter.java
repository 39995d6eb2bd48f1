package org.glasshouse.reports.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Suppressed;

/**
 * Writes a {@link DataTable} as a JSON array of objects, one per row, keys in column order. Numbers carry exactly
 * the digits of the CSV (same {@link CellFormatter} rounding), so both downloads reconcile; a suppressed cell is the
 * string "[c]" as in the CSV, an empty cell is null.
 */
public final class JsonTableWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonTableWriter() {
    }

    public static void write(DataTable table, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (JsonGenerator g = JSON.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartArray();
                for (List<Object> row : table.rows()) {
                    g.writeStartObject();
                    for (int i = 0; i < row.size(); i++) {
                        Column c = table.columns().get(i);
                        g.writeFieldName(c.name());
                        value(g, row.get(i), c);
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void value(JsonGenerator g, Object v, Column c) throws IOException {
        String text = CellFormatter.plain(v, c.type());
        if (v == null || text.isEmpty()) {
            g.writeNull();
        } else if (v instanceof Suppressed) {
            g.writeString(Suppressed.MARKER);
        } else if (CellFormatter.printsAsNumber(v, c.type())) {
            g.writeNumber(new BigDecimal(text));
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(text);
        }
    }
}
