package org.glasshouse.validate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The bad partner files of the fault suite, each built the way it arrives in the wild: a NUL or foreign bytes in
 * one row, a value or a line without bounds, a JSON number of a billion digits, a workbook or Parquet file damaged
 * after its header, a zip bomb. Good rows around the bad one use the given agreement, so the same builders serve
 * the reader unit tests and the nightly fault suite.
 */
public final class BadFiles {

    public static final String SERVICES_HEADER = "record_id,agreement_id,service_date,beneficiary_ref,service_type,"
            + "units,region_code,age_band,sex,priority_group";
    public static final String[] SERVICES_COLUMNS = SERVICES_HEADER.split(",");

    private BadFiles() {}

    /** One valid services row. */
    public static String service(String id, String agreement, String date) {
        return id + "," + agreement + "," + date + ",B-" + id + ",counselling,1,R01,18-24,female,false";
    }

    /** {@code n} valid service rows, ids prefix-1 .. prefix-n. */
    public static List<String> services(String prefix, String agreement, String date, int n) {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) rows.add(service(prefix + "-" + i, agreement, date));
        return rows;
    }

    /** A CSV: the header, then the rows, UTF-8, \n line ends. */
    public static Path csv(Path file, List<String> rows) throws IOException {
        return write(file, (SERVICES_HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** 5 good rows, and a NUL byte inside the 3rd of 6 data rows (line 4). */
    public static Path nulInOneRow(Path file, String prefix, String agreement, String date) throws IOException {
        List<String> rows = services(prefix, agreement, date, 6);
        rows.set(2, rows.get(2).replace("counselling", "couns\0elling"));
        return csv(file, rows);
    }

    /** UTF-8 with accents, and one row (line 3) holding Latin-1 bytes that are not valid UTF-8. */
    public static Path invalidUtf8InOneRow(Path file, String prefix, String agreement, String date) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes((SERVICES_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes((service(prefix + "-1", agreement, date).replace("counselling", "café") + "\n")
                .getBytes(StandardCharsets.UTF_8));
        b.writeBytes((service(prefix + "-2", agreement, date).replace("counselling", "crèche") + "\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        for (String r : services(prefix + "-ok", agreement, date, 3)) b.writeBytes((r + "\n").getBytes(StandardCharsets.UTF_8));
        return write(file, b.toByteArray());
    }

    /** 4 good rows and, on line 3, a service_type of {@code chars} characters. */
    public static Path oversizedField(Path file, String prefix, String agreement, String date, int chars)
            throws IOException {
        List<String> rows = services(prefix, agreement, date, 5);
        rows.set(1, rows.get(1).replace("counselling", "x".repeat(chars)));
        return csv(file, rows);
    }

    /** 4 good rows and, on line 3, a row of {@code fields} fields. */
    public static Path tooManyColumns(Path file, String prefix, String agreement, String date, int fields)
            throws IOException {
        List<String> rows = services(prefix, agreement, date, 5);
        rows.set(1, rows.get(1) + ",x".repeat(fields - SERVICES_COLUMNS.length));
        return csv(file, rows);
    }

    /** 4 good rows and, on line 3, a line of {@code chars} characters with no line break in it. */
    public static Path unboundedLine(Path file, String prefix, String agreement, String date, int chars)
            throws IOException {
        List<String> rows = services(prefix, agreement, date, 5);
        rows.set(1, "S," + "y".repeat(chars));
        return csv(file, rows);
    }

    /** A header wider than {@code columns}. */
    public static Path wideHeader(Path file, int columns) throws IOException {
        StringBuilder h = new StringBuilder(SERVICES_HEADER);
        for (int i = 0; h.toString().split(",").length <= columns; i++) h.append(",extra_").append(i);
        return write(file, (h + "\nS-1\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Transactions JSON Lines: good lines around 1e999999999, deep nesting, many keys and a huge string. */
    public static Path hostileJsonLines(Path file, String prefix, String agreement, String date, int depth, int keys,
                                        int stringChars) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(transaction(prefix + "-1", agreement, date, "100.00"));
        lines.add(transaction(prefix + "-2", agreement, date, "1e999999999"));
        lines.add(transaction(prefix + "-3", agreement, date, "250.50"));
        lines.add("{\"transaction_id\":\"" + prefix + "-4\",\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
        StringBuilder many = new StringBuilder("{\"transaction_id\":\"" + prefix + "-5\"");
        for (int i = 0; i < keys; i++) many.append(",\"k").append(i).append("\":1");
        lines.add(many.append('}').toString());
        lines.add(transaction(prefix + "-6", agreement, date, "75.25").replace("\"rent\"",
                "\"" + "z".repeat(stringChars) + "\""));
        lines.add(transaction(prefix + "-7", agreement, date, "10.00"));
        return write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public static String transaction(String id, String agreement, String date, String amount) {
        return "{\"transaction_id\":\"" + id + "\",\"agreement_id\":\"" + agreement + "\",\"date\":\"" + date
                + "\",\"type\":\"expenditure\",\"amount\":" + amount + ",\"currency\":\"USD\",\"description\":\"rent\"}";
    }

    /** A services workbook of {@code rows} good rows (header in row 1). */
    public static Path xlsx(Path file, String prefix, String agreement, String date, int rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = wb.createSheet("data");
            var header = sheet.createRow(0);
            for (int c = 0; c < SERVICES_COLUMNS.length; c++) header.createCell(c).setCellValue(SERVICES_COLUMNS[c]);
            List<String> data = services(prefix, agreement, date, rows);
            for (int r = 0; r < data.size(); r++) {
                var row = sheet.createRow(r + 1);
                String[] cells = data.get(r).split(",");
                for (int c = 0; c < cells.length; c++) row.createCell(c).setCellValue(cells[c]);
            }
            wb.write(out);
        }
        return file;
    }

    /**
     * A workbook of {@code rows} good rows whose sheet XML is cut off after {@code goodRows} rows and continues
     * with bytes that are not XML: damaged after its header (as by a broken copy).
     */
    public static Path damagedXlsx(Path file, String prefix, String agreement, String date, int rows, int goodRows)
            throws IOException {
        Path whole = xlsx(Files.createTempFile("whole", ".xlsx"), prefix, agreement, date, rows);
        rewriteSheet(whole, file, xml -> {
            int cut = nthIndexOf(xml, "</row>", goodRows + 1) + "</row>".length();
            return xml.substring(0, cut) + "<row r=\"" + (goodRows + 2) + "\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
                    + "\u0001\u0002 <<<< garbage";
        });
        Files.delete(whole);
        return file;
    }

    /**
     * A zip bomb: a small workbook whose sheet XML inflates to about {@code inflatedBytes} (one header row, then the
     * same data row again and again, which deflates to almost nothing).
     */
    public static Path xlsxBomb(Path file, String prefix, String agreement, String date, long inflatedBytes)
            throws IOException {
        Path small = xlsx(Files.createTempFile("small", ".xlsx"), prefix, agreement, date, 1);
        rewriteSheet(small, file, xml -> {
            int start = xml.indexOf("<row r=\"2\"");
            int end = xml.indexOf("</row>", start) + "</row>".length();
            String row = xml.substring(start, end);
            StringBuilder b = new StringBuilder(xml.substring(0, start));
            for (long n = 2; b.length() < inflatedBytes; n++) b.append(row.replace("r=\"2\"", "r=\"" + n + "\""));
            return b + xml.substring(end);
        });
        Files.delete(small);
        return file;
    }

    /** A workbook with {@code distinct} different texts in its shared-string table. */
    public static Path manySharedStrings(Path file, int distinct) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = wb.createSheet("data");
            var header = sheet.createRow(0);
            for (int c = 0; c < SERVICES_COLUMNS.length; c++) header.createCell(c).setCellValue(SERVICES_COLUMNS[c]);
            for (int r = 1; r <= distinct; r++) sheet.createRow(r).createCell(0).setCellValue("S-" + r);
            wb.write(out);
        }
        return file;
    }

    /** A Parquet services file of several row groups whose second row group's first page header is overwritten. */
    public static Path damagedParquet(Path file, String prefix, String agreement, String date, int rows)
            throws IOException {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (String c : SERVICES_COLUMNS) b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c);
        MessageType schema = b.named("services");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
                .withType(schema).withConf(new Configuration(false)).withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withRowGroupSize(8 * 1024L).withPageSize(1024).withDictionaryEncoding(false).build()) {
            for (String row : services(prefix, agreement, date, rows)) {
                String[] cells = row.split(",");
                Group g = groups.newGroup();
                for (int c = 0; c < cells.length; c++) g.append(SERVICES_COLUMNS[c], cells[c]);
                w.write(g);
            }
        }
        ParquetMetadata footer;
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration(false)))) {
            footer = r.getFooter();
        }
        if (footer.getBlocks().size() < 3) throw new IllegalStateException("need several row groups: add rows");
        long at = footer.getBlocks().get(1).getColumns().get(0).getStartingPos();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at);
            raf.write(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                    (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        }
        Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
        return file;
    }

    /** Services CSV rows whose first row has a control character in its record_id. */
    public static Path controlCharacterInId(Path file, String prefix, String agreement, String date) throws IOException {
        List<String> rows = services(prefix, agreement, date, 4);
        rows.set(0, rows.get(0).replaceFirst(prefix + "-1", prefix + "-\u00011"));
        return csv(file, rows);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private interface XmlEdit {
        String apply(String xml);
    }

    /** Copies an .xlsx, replacing its first sheet's XML by an edit of it (the entry deflated again). */
    private static void rewriteSheet(Path source, Path target, XmlEdit edit) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (ZipFile zip = new ZipFile(source.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    private static int nthIndexOf(String s, String what, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = s.indexOf(what, at + 1);
            if (at < 0) throw new IllegalArgumentException("fewer than " + n + " of " + what);
        }
        return at;
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }
}
