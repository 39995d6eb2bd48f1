package org.glasshouse.validate.read;

import java.io.Closeable;
import java.io.FilterInputStream;
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
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Reads the first sheet of an .xlsx workbook as text rows, one at a time, with a pull (StAX) parser over the sheet
 * XML: no workbook object model and no whole sheet in memory, so a sheet of any length costs a row at a time.
 * Cells become the text a partner would type into a CSV: dates as YYYY-MM-DD, numbers in plain decimal notation
 * (no grouping, no exponent), booleans as TRUE/FALSE. Row numbers are the spreadsheet's own (1-based; the header is
 * row 1), so feedback points at the row the partner sees in Excel.
 *
 * <p>Bounded against hostile workbooks: every byte inflated from the package (styles, shared strings, sheet) counts
 * against {@link InputLimits#inflatedBytes()} (FIL-010), the shared-string table against
 * {@link InputLimits#xlsxSharedStrings()} (FIL-011), a cell's text is kept to the field limit (the row then breaks
 * ROW-006) and cells beyond the column limit are counted, not kept (ROW-001). DTDs and external entities are off.
 */
public final class XlsxSheet implements Closeable {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /**
     * One non-empty row: its spreadsheet row number and the text of each cell by column ("" for gaps).
     *
     * @param extraCells  cells beyond the column limit (not kept)
     * @param longCell    a cell's text was longer than the field limit (it is kept cut to the limit + 1)
     */
    public record SheetRow(long rowNumber, List<String> cells, int extraCells, boolean longCell) {}

    private final OPCPackage pkg;
    private final XMLStreamReader sheet;
    private final InputStream sheetStream;
    private final List<String> sharedStrings;
    private final StylesTable styles;
    private final InputLimits limits;
    private final DataFormatter formatter = new PlainFormatter();
    private long lastRow;

    private XlsxSheet(OPCPackage pkg, XMLStreamReader sheet, InputStream sheetStream, List<String> sharedStrings,
                      StylesTable styles, InputLimits limits) {
        this.pkg = pkg;
        this.sheet = sheet;
        this.sheetStream = sheetStream;
        this.sharedStrings = sharedStrings;
        this.styles = styles;
        this.limits = limits;
    }

    /**
     * Opens the workbook's first sheet. Throws {@link InputProblem} for a limit passed, IOException for anything
     * that is not a readable workbook. Returns null when the workbook has no sheet.
     */
    public static XlsxSheet open(Path file, InputLimits limits) throws IOException {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            Budget budget = new Budget(limits.inflatedBytes());
            StylesTable styles = null;
            try (InputStream in = reader.getStylesData()) {
                if (in != null) styles = new StylesTable(budget.wrap(in));
            }
            List<String> shared = List.of();
            try (InputStream in = reader.getSharedStringsData()) {
                if (in != null) shared = sharedStrings(budget.wrap(in), limits);
            }
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                pkg.revert();
                return null;
            }
            InputStream sheetStream = budget.wrap(sheets.next());
            XlsxSheet s = new XlsxSheet(pkg, xml().createXMLStreamReader(sheetStream), sheetStream, shared, styles,
                    limits);
            pkg = null; // owned by the sheet from here
            return s;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            // Not a zip, not a workbook, broken XML: POI throws a range of checked and unchecked exceptions.
            throw new IOException("not a readable .xlsx workbook (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        } finally {
            if (pkg != null) pkg.revert();
        }
    }

    /** The first non-empty row of the first sheet (the header), or null when the sheet is empty. */
    public static SheetRow header(Path file, InputLimits limits) throws IOException {
        try (XlsxSheet s = open(file, limits)) {
            return s == null ? null : s.next();
        }
    }

    /** The next non-empty row, or null at the end of the sheet. */
    public SheetRow next() throws IOException {
        try {
            while (sheet.hasNext()) {
                if (sheet.next() == XMLStreamConstants.START_ELEMENT && isMain("row")) {
                    SheetRow r = row();
                    if (r != null) return r;
                }
            }
            return null;
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof IOException io) throw io;
            throw new IOException("the sheet's XML is damaged (" + e.getMessage() + ")", e);
        }
    }

    private SheetRow row() throws XMLStreamException, IOException {
        String r = sheet.getAttributeValue(null, "r");
        long number = r == null ? lastRow + 1 : parseRowNumber(r);
        lastRow = number;
        List<String> cells = new ArrayList<>();
        int extra = 0;
        boolean longCell = false;
        while (sheet.hasNext()) {
            int ev = sheet.next();
            if (ev == XMLStreamConstants.END_ELEMENT && isMain("row")) break;
            if (ev != XMLStreamConstants.START_ELEMENT || !isMain("c")) continue;
            String ref = sheet.getAttributeValue(null, "r");
            int col = ref == null ? cells.size() + extra : column(ref);
            String value = cell();
            if (col < 0 || col >= limits.columns()) {
                if (value != null && !value.isEmpty()) extra++;
                continue;
            }
            while (cells.size() < col) cells.add("");
            if (cells.size() > col) continue; // a repeated reference: the first cell wins
            if (value != null && value.length() > limits.fieldChars()) longCell = true;
            cells.add(value == null ? "" : value);
        }
        boolean blank = extra == 0 && cells.stream().allMatch(String::isBlank);
        return blank ? null : new SheetRow(number, List.copyOf(cells), extra, longCell);
    }

    /** The text of the cell the reader is at (on its start element); leaves the reader on its end element. */
    private String cell() throws XMLStreamException, IOException {
        String type = sheet.getAttributeValue(null, "t");
        String style = sheet.getAttributeValue(null, "s");
        StringBuilder v = null;
        StringBuilder inline = null;
        int depth = 1;
        boolean inV = false;
        boolean inT = false;
        boolean inPhonetic = false;
        while (depth > 0 && sheet.hasNext()) {
            int ev = sheet.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String n = sheet.getLocalName();
                if (n.equals("v")) {
                    inV = true;
                    v = new StringBuilder();
                } else if (n.equals("rPh")) {
                    inPhonetic = true;
                } else if (n.equals("t") && !inPhonetic) {
                    inT = true;
                    if (inline == null) inline = new StringBuilder();
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                String n = sheet.getLocalName();
                if (n.equals("v")) inV = false;
                else if (n.equals("t")) inT = false;
                else if (n.equals("rPh")) inPhonetic = false;
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                    || ev == XMLStreamConstants.SPACE) {
                if (inV) append(v, sheet.getText());
                else if (inT) append(inline, sheet.getText());
            }
        }
        String raw = v == null ? null : v.toString();
        if (type == null) type = "n";
        return switch (type) {
            case "s" -> sharedString(raw);
            case "inlineStr" -> inline == null ? "" : inline.toString();
            case "b" -> raw == null || raw.isEmpty() ? "" : raw.charAt(0) == '0' ? "FALSE" : "TRUE";
            case "e" -> raw == null ? "" : "ERROR:" + raw;
            case "str" -> raw == null ? "" : raw;
            default -> number(raw, style);
        };
    }

    /** Appends up to the field limit + 1 characters: enough to know a value is too long, never more. */
    private void append(StringBuilder b, String text) {
        int room = limits.fieldChars() + 1 - b.length();
        if (room > 0) b.append(text, 0, Math.min(room, text.length()));
    }

    private String sharedString(String raw) throws IOException {
        if (raw == null || raw.isBlank()) return "";
        try {
            int i = Integer.parseInt(raw.trim());
            if (i < 0 || i >= sharedStrings.size()) {
                throw new IOException("a cell refers to shared string " + i + " of " + sharedStrings.size());
            }
            return sharedStrings.get(i);
        } catch (NumberFormatException e) {
            throw new IOException("a cell refers to shared string '" + raw + "'", e);
        }
    }

    /** A numeric cell formatted by its style, exactly as POI's event API does (date formats become dates). */
    private String number(String raw, String styleIndex) {
        if (raw == null || raw.isEmpty()) return "";
        XSSFCellStyle style = null;
        if (styles != null) {
            try {
                if (styleIndex != null) style = styles.getStyleAt(Integer.parseInt(styleIndex.trim()));
                else if (styles.getNumCellStyles() > 0) style = styles.getStyleAt(0);
            } catch (RuntimeException e) {
                style = null; // a style index the workbook does not define: format as General
            }
        }
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            return raw; // not a number after all: keep the text, the row rules judge it
        }
        if (style == null) return formatter.formatRawCellContents(value, 0, "General");
        String format = style.getDataFormatString();
        if (format == null) format = BuiltinFormats.getBuiltinFormat(style.getDataFormat());
        return format == null ? formatter.formatRawCellContents(value, 0, "General")
                : formatter.formatRawCellContents(value, style.getDataFormat(), format);
    }

    private boolean isMain(String localName) {
        String ns = sheet.getNamespaceURI();
        return localName.equals(sheet.getLocalName()) && (ns == null || ns.isEmpty() || ns.equals(MAIN));
    }

    /** 0-based column of a cell reference such as "AB12"; -1 when it is not one (or beyond any sheet). */
    static int column(String ref) {
        int col = 0;
        int i = 0;
        for (; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            char c = Character.toUpperCase(ref.charAt(i));
            if (c < 'A' || c > 'Z' || i >= 4) return -1;
            col = col * 26 + (c - 'A' + 1);
        }
        return i == 0 ? -1 : col - 1;
    }

    private long parseRowNumber(String r) {
        try {
            long n = Long.parseLong(r.trim());
            return n > 0 ? n : lastRow + 1;
        } catch (NumberFormatException e) {
            return lastRow + 1;
        }
    }

    /** The shared-string table, bounded in entries; each entry kept to the field limit + 1. */
    private static List<String> sharedStrings(InputStream in, InputLimits limits) throws IOException {
        List<String> out = new ArrayList<>();
        try {
            XMLStreamReader x = xml().createXMLStreamReader(in);
            StringBuilder current = null;
            boolean inT = false;
            boolean inPhonetic = false;
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "si" -> {
                            if (out.size() >= limits.xlsxSharedStrings()) {
                                throw new InputProblem(FileRule.TOO_MANY_SHARED_STRINGS, String.format(Locale.ROOT,
                                        "The workbook's shared-string table has more than %,d entries (the limit); "
                                                + "the file was not read.", limits.xlsxSharedStrings()));
                            }
                            current = new StringBuilder();
                        }
                        case "rPh" -> inPhonetic = true;
                        case "t" -> inT = !inPhonetic;
                        default -> { }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "si" -> {
                            if (current != null) out.add(current.toString());
                            current = null;
                        }
                        case "rPh" -> inPhonetic = false;
                        case "t" -> inT = false;
                        default -> { }
                    }
                } else if (inT && current != null && (ev == XMLStreamConstants.CHARACTERS
                        || ev == XMLStreamConstants.CDATA || ev == XMLStreamConstants.SPACE)) {
                    int room = limits.fieldChars() + 1 - current.length();
                    String text = x.getText();
                    if (room > 0) current.append(text, 0, Math.min(room, text.length()));
                }
            }
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof IOException io) throw io;
            throw new IOException("the shared-string table's XML is damaged (" + e.getMessage() + ")", e);
        }
        return out;
    }

    private static XMLInputFactory xml() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try {
            // The JDK parser keeps a stack of open elements: bound it, since real sheets nest a few levels only.
            f.setProperty("jdk.xml.maxElementDepth", 64);
        } catch (IllegalArgumentException e) {
            // another StAX implementation: it has its own default bound
        }
        return f;
    }

    @Override
    public void close() throws IOException {
        try {
            sheet.close();
        } catch (XMLStreamException e) {
            // closing a reader on a damaged sheet: nothing left to release but the streams below
        } finally {
            sheetStream.close();
            pkg.revert();
        }
    }

    /** Counts every byte inflated from the package against the limit. */
    private static final class Budget {
        private final long limit;
        private long used;

        Budget(long limit) {
            this.limit = limit;
        }

        InputStream wrap(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) count(1);
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    if (n > 0) count(n);
                    return n;
                }
            };
        }

        private void count(long n) throws InputProblem {
            used += n;
            if (used > limit) {
                throw new InputProblem(FileRule.INFLATES_TOO_MUCH, String.format(Locale.ROOT,
                        "The workbook unpacks to more than %,d bytes (the limit); reading stopped there.", limit));
            }
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
