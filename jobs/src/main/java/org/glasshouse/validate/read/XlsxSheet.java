package org.glasshouse.validate.read;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an .xlsx workbook as text rows through POI's SAX (event) API, so no workbook object
 * model is built. Cells become the text a partner would type into a CSV: dates as YYYY-MM-DD, numbers in plain
 * decimal notation (no grouping, no exponent), booleans as TRUE/FALSE. Row numbers are the spreadsheet's own
 * (1-based; the header is row 1), so feedback points at the row the partner sees in Excel.
 */
public final class XlsxSheet {

    /** One non-empty row: its spreadsheet row number and the text of each cell by column (nulls for gaps). */
    public record SheetRow(long rowNumber, List<String> cells) {}

    /** Stops the SAX parse once enough rows are read (the driver only needs the header). */
    private static final class Enough extends RuntimeException {
        Enough() { super(null, null, false, false); }
    }

    private XlsxSheet() {}

    /** Up to {@code maxRows} non-empty rows of the first sheet (header included). */
    public static List<SheetRow> read(Path file, int maxRows) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) return rows;
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), reader.getSharedStringsTable(),
                    new Collector(rows, maxRows), new PlainFormatter(), false));
            try (InputStream sheet = sheets.next()) {
                xml.parse(new InputSource(sheet));
            } catch (Enough done) {
                // header read; the rest of the sheet is the executors' job
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            // Not a zip, not a workbook, broken XML: POI throws a range of checked and unchecked exceptions.
            throw new IOException("not a readable .xlsx workbook (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
        return rows;
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<SheetRow> rows;
        private final int maxRows;
        private List<String> current;
        private int rowNum;

        Collector(List<SheetRow> rows, int maxRows) {
            this.rows = rows;
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            this.rowNum = rowNum;
            current = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            boolean blank = current.stream().allMatch(c -> c == null || c.isBlank());
            if (!blank) rows.add(new SheetRow(rowNum + 1L, List.copyOf(current.stream()
                    .map(c -> c == null ? "" : c).toList())));
            if (rows.size() >= maxRows) throw new Enough();
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? current.size() : new CellReference(ref).getCol();
            while (current.size() < col) current.add(null);
            current.add(value);
        }
    }

    /** Formats numeric cells as plain text: ISO dates for date-formatted cells, plain decimals otherwise. */
    private static final class PlainFormatter extends DataFormatter {
        PlainFormatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904);
                return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
            }
            if (Double.isNaN(value) || Double.isInfinite(value)) return Double.toString(value);
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
