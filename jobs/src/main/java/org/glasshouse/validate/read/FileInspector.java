package org.glasshouse.validate.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import org.glasshouse.contract.Contract;
import org.glasshouse.contract.FieldSpec;

/**
 * Looks at the start of a file on the driver (never its rows): encoding, delimiter and header (for Parquet the
 * footer's schema, for .xlsx the first row of the first sheet), and from those the column mapping every executor
 * uses. Problems with the file as a whole become {@link FileFinding}s; a file that cannot be read at all gets no
 * parse task (its {@link Inspection#task()} is null).
 */
public final class FileInspector {

    private static final int SNIFF_BYTES = 1 << 16;

    public record Inspection(ParseTask task, List<FileFinding> findings) {}

    /** How a file's columns feed the contract's fields. */
    private record Mapping(int width, int[] fieldColumns, List<String> flexNames, int[] flexColumns, String fileRule,
                           String fileMessage) {}

    private FileInspector() {}

    public static Inspection inspect(String fileId, String partnerId, Path file, String format, Contract contract) throws IOException {
        List<FileFinding> findings = new ArrayList<>();
        List<String> names = contract.fieldNames();
        boolean[] personal = new boolean[names.size()];
        for (int i = 0; i < names.size(); i++) personal[i] = contract.fields().get(i).personal();
        int[] none = new int[names.size()];
        Arrays.fill(none, -1);

        if (Files.size(file) == 0) {
            findings.add(new FileFinding(fileId, FileRule.EMPTY_FILE, "error", "The file is empty.",
                    "Export the data again; the file must have a header row and at least one data row."));
            return new Inspection(null, findings);
        }
        if (format.equals("parquet") || format.equals("xlsx")) {
            List<String> header;
            try {
                header = format.equals("parquet") ? ParquetRecords.columnNames(file) : xlsxHeader(file);
            } catch (IOException e) {
                findings.add(new FileFinding(fileId, FileRule.UNREADABLE, "error",
                        "The file cannot be read: it is " + e.getMessage() + ".",
                        "Save the file again from the program that made it, or send it as CSV (UTF-8)."));
                return new Inspection(null, findings);
            }
            if (header == null) {
                findings.add(new FileFinding(fileId, FileRule.EMPTY_FILE, "error", "The first sheet is empty.",
                        "Put the header row in row 1 of the first sheet, and the data below it."));
                return new Inspection(null, findings);
            }
            Mapping m = map(fileId, header, contract, findings);
            return new Inspection(new ParseTask(fileId, partnerId, file.toString(), format, "UTF-8", ',', m.width(),
                    names, m.fieldColumns(), m.flexNames(), m.flexColumns(), personal, m.fileRule(), m.fileMessage()),
                    findings);
        }

        String charset = detectCharset(file, fileId, findings);
        if (charset == null) return new Inspection(null, findings);
        if (!format.equals("csv")) {
            unknownJsonKeys(fileId, file, charset, contract, findings);
            return new Inspection(new ParseTask(fileId, partnerId, file.toString(), format, charset, ',', 0, names, none,
                    List.of(), new int[0], personal, null, null), findings);
        }

        String headerLine;
        try (BufferedReader r = Files.newBufferedReader(file, Charset.forName(charset))) {
            CsvRecordReader.RawRecord rec = new CsvRecordReader(r).next();
            headerLine = rec == null ? null : rec.text();
        }
        if (headerLine == null) {
            findings.add(new FileFinding(fileId, FileRule.EMPTY_FILE, "error", "The file has only blank lines.",
                    "Export the data again; the file must have a header row and at least one data row."));
            return new Inspection(null, findings);
        }
        char delimiter = detectDelimiter(headerLine);
        if (delimiter != ',') {
            findings.add(new FileFinding(fileId, FileRule.WRONG_DELIMITER, "warning",
                    "Columns are separated by '" + printable(delimiter) + "' instead of a comma; the file was read with '"
                            + printable(delimiter) + "'.",
                    "Save the file as 'CSV UTF-8 (comma delimited)'."));
        }
        Mapping m = map(fileId, Arrays.asList(headerFields(headerLine, delimiter)), contract, findings);
        ParseTask task = new ParseTask(fileId, partnerId, file.toString(), format, charset, delimiter, m.width(), names,
                m.fieldColumns(), m.flexNames(), m.flexColumns(), personal, m.fileRule(), m.fileMessage());
        return new Inspection(task, findings);
    }

    /**
     * JSON Lines has no header: the keys of the first object stand in for it, so a misspelt key is reported once
     * (FIL-003) instead of surfacing only as "required but empty" on every row. Missing keys are left to the row
     * rules, since a later object may well have them.
     */
    private static void unknownJsonKeys(String fileId, Path file, String charset, Contract contract,
                                        List<FileFinding> findings) throws IOException {
        String first = null;
        try (BufferedReader r = Files.newBufferedReader(file, Charset.forName(charset))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (!l.isBlank()) {
                    first = l.startsWith("\uFEFF") ? l.substring(1) : l;
                    break;
                }
            }
        }
        if (first == null) return;
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(first);
        } catch (IOException e) {
            return; // the row rules report it (ROW-003)
        }
        if (node == null || !node.isObject()) return;
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (!k.startsWith("flex_") && !contract.fieldNames().contains(k)) unknown.add(k);
        });
        if (!unknown.isEmpty()) {
            findings.add(new FileFinding(fileId, FileRule.UNKNOWN_COLUMNS, "warning",
                    "Keys not in the " + contract.dataset() + " contract were ignored: " + String.join(", ", unknown) + ".",
                    "Remove them, or prefix your own keys with flex_ to have them echoed back in feedback."));
        }
    }

    private static List<String> xlsxHeader(Path file) throws IOException {
        List<XlsxSheet.SheetRow> rows = XlsxSheet.read(file, 1);
        return rows.isEmpty() ? null : rows.get(0).cells();
    }

    /** Header names to contract fields (case and surrounding spaces ignored), flex_* columns, unknown columns. */
    private static Mapping map(String fileId, List<String> header, Contract contract, List<FileFinding> findings) {
        List<String> names = contract.fieldNames();
        List<String> normalized = new ArrayList<>();
        for (String h : header) normalized.add(h == null ? "" : h.strip().toLowerCase(Locale.ROOT));

        int[] fieldColumns = new int[names.size()];
        List<String> missingRequired = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            fieldColumns[i] = normalized.indexOf(names.get(i));
            FieldSpec spec = contract.fields().get(i);
            if (fieldColumns[i] < 0 && spec.required()) missingRequired.add(names.get(i));
        }
        List<String> flexNames = new ArrayList<>();
        List<Integer> flexIdx = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int c = 0; c < normalized.size(); c++) {
            String h = normalized.get(c);
            if (h.startsWith("flex_")) {
                flexNames.add(h);
                flexIdx.add(c);
            } else if (!names.contains(h)) {
                unknown.add(h.isEmpty() ? "(blank)" : h);
            }
        }
        if (!unknown.isEmpty()) {
            findings.add(new FileFinding(fileId, FileRule.UNKNOWN_COLUMNS, "warning",
                    "Columns not in the " + contract.dataset() + " contract were ignored: " + String.join(", ", unknown) + ".",
                    "Remove them, or prefix your own columns with flex_ to have them echoed back in feedback."));
        }
        String fileRule = null;
        String fileMessage = null;
        if (!missingRequired.isEmpty()) {
            fileRule = FileRule.MISSING_REQUIRED_COLUMNS;
            fileMessage = "The file has no column named " + String.join(", ", missingRequired)
                    + " (required by the " + contract.dataset() + " contract); every row of the file is quarantined.";
            findings.add(new FileFinding(fileId, fileRule, "error", fileMessage,
                    "Use the header row of the template for " + contract.dataset() + "; column names must match exactly."));
        }
        return new Mapping(header.size(), fieldColumns, List.copyOf(flexNames),
                flexIdx.stream().mapToInt(Integer::intValue).toArray(), fileRule, fileMessage);
    }

    /**
     * UTF-8 (with or without BOM) is read as is. Other encodings are converted, with a warning: UTF-16 by its BOM,
     * anything else that is not valid UTF-8 as Windows-1252 (what spreadsheet programs on Western-European Windows
     * write). A file with NUL bytes and no UTF-16 BOM is binary (a spreadsheet or PDF renamed to .csv): unreadable,
     * reported as such and not parsed. Returns null for an unreadable file.
     */
    static String detectCharset(Path file, String fileId, List<FileFinding> findings) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
            findings.add(new FileFinding(fileId, FileRule.NOT_UTF8, "warning",
                    "The file is encoded as UTF-16; it was converted to UTF-8.",
                    "Save the file as 'CSV UTF-8' next time."));
            return StandardCharsets.UTF_16.name();
        }
        for (byte b : head) {
            if (b == 0) {
                findings.add(new FileFinding(fileId, FileRule.UNREADABLE, "error",
                        "The file is not text (it contains binary data), so it cannot be read as CSV or JSON Lines.",
                        "Export the data as CSV UTF-8, JSON Lines, Parquet or .xlsx and name the file with the right extension."));
                return null;
            }
        }
        if (isUtf8(file)) return StandardCharsets.UTF_8.name();
        findings.add(new FileFinding(fileId, FileRule.NOT_UTF8, "warning",
                "The file is not valid UTF-8; it was read as Windows-1252 (Western European).",
                "Save the file as 'CSV UTF-8' so accented letters arrive exactly as typed."));
        return "windows-1252";
    }

    private static boolean isUtf8(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            ByteBuffer carry = ByteBuffer.allocate(0);
            java.nio.CharBuffer out = java.nio.CharBuffer.allocate(1 << 17);
            int n;
            while ((n = in.read(buf)) > 0) {
                ByteBuffer bb = ByteBuffer.allocate(carry.remaining() + n);
                bb.put(carry).put(buf, 0, n).flip();
                out.clear();
                var result = decoder.decode(bb, out, false);
                if (result.isError()) return false;
                carry = bb.slice();
            }
            out.clear();
            var end = decoder.decode(carry, out, true);
            return !end.isError() && !decoder.flush(out).isError();
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static char detectDelimiter(String header) {
        char best = ',';
        int bestCount = count(header, ',');
        for (char c : new char[] {';', '\t', '|'}) {
            int n = count(header, c);
            if (n > bestCount) {
                best = c;
                bestCount = n;
            }
        }
        return best;
    }

    private static int count(String s, char c) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') quoted = !quoted;
            else if (ch == c && !quoted) n++;
        }
        return n;
    }

    private static String[] headerFields(String line, char delimiter) {
        CsvParserSettings s = new CsvParserSettings();
        s.getFormat().setDelimiter(delimiter);
        s.getFormat().setLineSeparator("\n");
        s.setMaxColumns(4096);
        CsvParser p = new CsvParser(s);
        String[] cols = p.parseLine(line);
        return cols == null ? new String[0] : cols;
    }

    private static String printable(char c) {
        return c == '\t' ? "tab" : String.valueOf(c);
    }

}
