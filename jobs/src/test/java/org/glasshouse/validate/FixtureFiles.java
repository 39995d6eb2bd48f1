package org.glasshouse.validate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds the spreadsheet and Parquet fixtures from their CSV sources (simple CSV: no quoted fields), the way a
 * partner's tools would write them: ISO dates become date cells (shown as m/d/yy) or DATE columns, numbers numeric
 * cells or DOUBLE columns, true/false boolean cells.
 */
final class FixtureFiles {

    private static final String ISO_DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    private static final String NUMBER = "^-?[0-9]+(\\.[0-9]+)?$";

    private FixtureFiles() {}

    static void xlsx(Path csvSource, Path target) throws IOException {
        List<String> lines = Files.readAllLines(csvSource, StandardCharsets.UTF_8);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(target)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat((short) 14); // built-in m/d/yy: the partner sees a local date, we must read ISO
            Sheet sheet = wb.createSheet("data");
            wb.createSheet("notes").createRow(0).createCell(0).setCellValue("only the first sheet is read");
            for (int r = 0; r < lines.size(); r++) {
                Row row = sheet.createRow(r);
                String[] cells = lines.get(r).split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    String v = cells[c];
                    if (v.isEmpty()) continue;
                    var cell = row.createCell(c);
                    if (r > 0 && v.matches(ISO_DATE)) {
                        cell.setCellValue(LocalDate.parse(v));
                        cell.setCellStyle(date);
                    } else if (r > 0 && v.matches(NUMBER)) {
                        cell.setCellValue(Double.parseDouble(v));
                    } else if (r > 0 && (v.equals("true") || v.equals("false"))) {
                        cell.setCellValue(Boolean.parseBoolean(v));
                    } else {
                        cell.setCellValue(v);
                    }
                }
            }
            wb.write(out);
        }
    }

    /** service_date as DATE, units as DOUBLE, everything else as UTF-8 strings. */
    static void parquet(Path csvSource, Path target) throws IOException {
        List<String> lines = Files.readAllLines(csvSource, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",");
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (String h : header) {
            if (h.equals("service_date")) {
                b.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(h);
            } else if (h.equals("units")) {
                b.optional(PrimitiveTypeName.DOUBLE).named(h);
            } else {
                b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(h);
            }
        }
        MessageType schema = b.named("services");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(target.toUri()))
                .withType(schema).withConf(new Configuration(false)).build()) {
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                Group g = groups.newGroup();
                for (int c = 0; c < header.length; c++) {
                    String v = cells[c];
                    if (v.isEmpty()) continue;
                    switch (header[c]) {
                        case "service_date" -> g.append(header[c], (int) LocalDate.parse(v).toEpochDay());
                        case "units" -> g.append(header[c], Double.parseDouble(v));
                        default -> g.append(header[c], v);
                    }
                }
                w.write(g);
            }
        }
    }
}
