package org.glasshouse.validate.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
    /** Names listed in one message (unknown columns, keys); the rest are counted. */
    static final int LISTED = 20;

    public record Inspection(ParseTask task, List<FileFinding> findings) {}

    /** How a file's columns feed the contract's fields. */
    private record Mapping(int width, int[] fieldColumns, List<String> flexNames, int[] flexColumns, String fileRule,
                           String fileMessage) {}

    private FileInspector() {}

    public static Inspection inspect(String fileId, String partnerId, Path file, String format, Contract contract,
                                     InputLimits limits) throws IOException {
        return inspect(fileId, partnerId, file.toString(), format, contract, limits);
    }

    /**
     * A landed file on any store: {@code file} is a local path (read with java.nio, as always) or a store URI (read
     * through Hadoop's FileSystem with the driver's store settings); see {@link LandedInput}. The task built carries
     * the same text, which the executors open.
     */
    public static Inspection inspect(String fileId, String partnerId, String file, String format, Contract contract,
                                     InputLimits limits) throws IOException {
        org.apache.hadoop.conf.Configuration conf = LandedInput.local(file) != null ? null : LandedInput.driverConf();
        List<FileFinding> findings = new ArrayList<>();
        List<String> names = contract.fieldNames();
        boolean[] personal = new boolean[names.size()];
        for (int i = 0; i < names.size(); i++) personal[i] = contract.fields().get(i).personal();
        int[] none = new int[names.size()];
        Arrays.fill(none, -1);

        if (LandedInput.size(file, conf) == 0) {
            findings.add(new FileFinding(fileId, FileRule.EMPTY_FILE, "error", "The file is empty.",
                    "Export the data again; the file must have a header row and at least one data row."));
            return new Inspection(null, findings);
        }
        if (format.equals("parquet") || format.equals("xlsx")) {
            List<String> header;
            try {
                header = format.equals("parquet") ? ParquetRecords.columnNames(file, conf, limits)
                        : xlsxHeader(file, conf, limits);
            } catch (InputProblem e) {
                findings.add(new FileFinding(fileId, e.ruleId(), "error", e.getMessage(),
                        FileRule.info(e.ruleId()).hint()));
                return new Inspection(null, findings);
            } catch (IOException | RuntimeException e) {
                if (ReadFailure.isAgencyFault(e)) throw e;
                String rule = ReadFailure.ruleOf(e);
                findings.add(new FileFinding(fileId, rule.equals(FileRule.READ_FAILED) ? FileRule.UNREADABLE : rule,
                        "error", "The file cannot be read: it is "
                                + ReadFailure.describe(e, file, LandedInput.name(file)) + ".",
                        "Save the file again from the program that made it, or send it as CSV (UTF-8)."));
                return new Inspection(null, findings);
            }
            if (header == null) {
                findings.add(new FileFinding(fileId, FileRule.EMPTY_FILE, "error", "The first sheet is empty.",
                        "Put the header row in row 1 of the first sheet, and the data below it."));
                return new Inspection(null, findings);
            }
            if (header.size() > limits.columns()) return tooWide(fileId, header.size(), limits, findings);
            Mapping m = map(fileId, header, contract, limits, findings);
            return new Inspection(new ParseTask(fileId, partnerId, file, format, "UTF-8", ',', m.width(),
                    names, m.fieldColumns(), m.flexNames(), m.flexColumns(), personal, m.fileRule(), m.fileMessage()),
                    findings);
        }

        String charset = detectCharset(file, conf, fileId, findings);
        if (charset == null) return new Inspection(null, findings);
        if (!format.equals("csv")) {
            unknownJsonKeys(fileId, file, conf, charset, contract, limits, findings);
            return new Inspection(new ParseTask(fileId, partnerId, file, format, charset, ',', 0, names, none,
                    List.of(), new int[0], personal, null, null), findings);
        }

        CsvRecordReader.RawRecord header;
        try (LineReader lines = new LineReader(TextInput.open(file, conf, charset), limits.lineChars())) {
            header = new CsvRecordReader(lines, limits.lineChars()).next();
        }
        if (header == null) {
            findings.add(new FileFinding(fileId, FileRule.EMPTY_FILE, "error", "The file has only blank lines.",
                    "Export the data again; the file must have a header row and at least one data row."));
            return new Inspection(null, findings);
        }
        if (header.tooLong()) {
            findings.add(new FileFinding(fileId, FileRule.TOO_MANY_COLUMNS, "error", String.format(Locale.ROOT,
                    "The header row has %,d characters, more than the line limit of %,d; the file was not read.",
                    header.length(), limits.lineChars()), FileRule.info(FileRule.TOO_MANY_COLUMNS).hint()));
            return new Inspection(null, findings);
        }
        String headerLine = TextInput.shown(header.text());
        char delimiter = detectDelimiter(headerLine);
        String[] fields = CsvLine.header(headerLine, delimiter, limits);
        if (fields == null) return tooWide(fileId, -1, limits, findings);
        if (delimiter != ',') {
            findings.add(new FileFinding(fileId, FileRule.WRONG_DELIMITER, "warning",
                    "Columns are separated by '" + printable(delimiter) + "' instead of a comma; the file was read with '"
                            + printable(delimiter) + "'.",
                    "Save the file as 'CSV UTF-8 (comma delimited)'."));
        }
        Mapping m = map(fileId, Arrays.asList(fields), contract, limits, findings);
        ParseTask task = new ParseTask(fileId, partnerId, file, format, charset, delimiter, m.width(), names,
                m.fieldColumns(), m.flexNames(), m.flexColumns(), personal, m.fileRule(), m.fileMessage());
        return new Inspection(task, findings);
    }

    private static Inspection tooWide(String fileId, int columns, InputLimits limits, List<FileFinding> findings) {
        findings.add(new FileFinding(fileId, FileRule.TOO_MANY_COLUMNS, "error", String.format(Locale.ROOT,
                "The header row has %s columns, more than the limit of %,d; the file was not read.",
                columns < 0 ? "more" : String.format(Locale.ROOT, "%,d", columns), limits.columns()),
                FileRule.info(FileRule.TOO_MANY_COLUMNS).hint()));
        return new Inspection(null, findings);
    }

    /**
     * JSON Lines has no header: the keys of the first object stand in for it, so a misspelt key is reported once
     * (FIL-003) instead of surfacing only as "required but empty" on every row. Missing keys are left to the row
     * rules, since a later object may well have them.
     */
    private static void unknownJsonKeys(String fileId, String file, org.apache.hadoop.conf.Configuration conf,
                                        String charset, Contract contract,
                                        InputLimits limits, List<FileFinding> findings) throws IOException {
        String first = null;
        try (LineReader lines = new LineReader(TextInput.open(file, conf, charset), limits.lineChars())) {
            for (LineReader.Line l = lines.next(); l != null; l = lines.next()) {
                if (l.tooLong()) return; // the row rules report it (ROW-005)
                if (!l.text().isBlank()) {
                    first = l.text();
                    break;
                }
            }
        }
        if (first == null || TextInput.characterRule(first) != null) return;
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = JsonLine.constrainedMapper(limits).readTree(first);
        } catch (IOException e) {
            return; // the row rules report it (ROW-003, ROW-009, ...)
        }
        if (node == null || !node.isObject()) return;
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (!k.startsWith("flex_") && !contract.fieldNames().contains(k)) unknown.add(k);
        });
        if (!unknown.isEmpty()) {
            findings.add(new FileFinding(fileId, FileRule.UNKNOWN_COLUMNS, "warning",
                    "Keys not in the " + contract.dataset() + " contract were ignored: " + listed(unknown) + ".",
                    "Remove them, or prefix your own keys with flex_ to have them echoed back in feedback."));
        }
    }

    /** At most {@link #LISTED} names, then how many more: a message stays readable whatever a file holds. */
    static String listed(List<String> names) {
        List<String> shown = names.stream().limit(LISTED).map(n -> RawText.bounded(TextInput.shown(n), 100)).toList();
        String s = String.join(", ", shown);
        return names.size() > LISTED ? s + String.format(Locale.ROOT, " and %,d more", names.size() - LISTED) : s;
    }

    private static List<String> xlsxHeader(String file, org.apache.hadoop.conf.Configuration conf, InputLimits limits)
            throws IOException {
        XlsxSheet.SheetRow row;
        try (LandedInput.LocalFile local = LandedInput.localFile(file, conf)) {
            row = XlsxSheet.header(local.path(), limits);
        }
        if (row == null) return null;
        if (row.extraCells() > 0) {
            throw new InputProblem(FileRule.TOO_MANY_COLUMNS, String.format(Locale.ROOT,
                    "The header row has more than %,d columns (the limit); the file was not read.", limits.columns()));
        }
        return row.cells();
    }

    /** Header names to contract fields (case and surrounding spaces ignored), flex_* columns, unknown columns. */
    private static Mapping map(String fileId, List<String> header, Contract contract, InputLimits limits,
                               List<FileFinding> findings) {
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
        int flexIgnored = 0;
        for (int c = 0; c < normalized.size(); c++) {
            String h = normalized.get(c);
            if (h.startsWith("flex_")) {
                if (flexNames.contains(h)) continue; // a repeated name: the first column wins
                if (flexNames.size() >= limits.flexColumns()) {
                    flexIgnored++;
                    continue;
                }
                flexNames.add(h);
                flexIdx.add(c);
            } else if (!names.contains(h)) {
                unknown.add(h.isEmpty() ? "(blank)" : h);
            }
        }
        if (flexIgnored > 0) {
            findings.add(new FileFinding(fileId, FileRule.TOO_MANY_FLEX_COLUMNS, "warning", String.format(Locale.ROOT,
                    "The file has %,d flex_* columns, more than the limit of %,d; only the first %,d are echoed back.",
                    flexNames.size() + flexIgnored, limits.flexColumns(), limits.flexColumns()),
                    FileRule.info(FileRule.TOO_MANY_FLEX_COLUMNS).hint()));
        }
        if (!unknown.isEmpty()) {
            findings.add(new FileFinding(fileId, FileRule.UNKNOWN_COLUMNS, "warning",
                    "Columns not in the " + contract.dataset() + " contract were ignored: " + listed(unknown) + ".",
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
     * a file that is not valid UTF-8 and shows no sign of being UTF-8 (no valid multi-byte sequence) as Windows-1252
     * (what spreadsheet programs on Western-European Windows write). A file that is UTF-8 apart from some bad bytes
     * is read as UTF-8: the rows holding the bad bytes are quarantined (ROW-007), the others read as sent.
     * A binary file (a spreadsheet, PDF or image renamed to .csv) is unreadable, reported as such and not parsed:
     * known by its signature, or by NUL bytes on most of its first lines. A NUL on a line or two is that row's
     * problem (ROW-008). Returns null for an unreadable file.
     */
    static String detectCharset(Path file, String fileId, List<FileFinding> findings) throws IOException {
        return detectCharset(file.toString(), null, fileId, findings);
    }

    static String detectCharset(String file, org.apache.hadoop.conf.Configuration conf, String fileId,
                                List<FileFinding> findings) throws IOException {
        byte[] head;
        try (InputStream in = LandedInput.open(file, conf)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
            findings.add(new FileFinding(fileId, FileRule.NOT_UTF8, "warning",
                    "The file is encoded as UTF-16; it was converted to UTF-8.",
                    "Save the file as 'CSV UTF-8' next time."));
            return StandardCharsets.UTF_16.name();
        }
        if (isBinary(head)) {
            findings.add(new FileFinding(fileId, FileRule.UNREADABLE, "error",
                    "The file is not text (it contains binary data), so it cannot be read as CSV or JSON Lines.",
                    "Export the data as CSV UTF-8, JSON Lines, Parquet or .xlsx and name the file with the right extension."));
            return null;
        }
        Utf8Scan scan = Utf8Scan.of(LandedInput.open(file, conf));
        if (scan.valid() || scan.multiByte() > 0) return StandardCharsets.UTF_8.name();
        findings.add(new FileFinding(fileId, FileRule.NOT_UTF8, "warning",
                "The file is not valid UTF-8; it was read as Windows-1252 (Western European).",
                "Save the file as 'CSV UTF-8' so accented letters arrive exactly as typed."));
        return "windows-1252";
    }

    private static final byte[][] BINARY_SIGNATURES = {
            {(byte) 0x89, 'P', 'N', 'G'}, {'P', 'K', 3, 4}, {'P', 'K', 5, 6}, {'%', 'P', 'D', 'F'},
            {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, {0x1F, (byte) 0x8B}, {'P', 'A', 'R', '1'},
            {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, {'G', 'I', 'F', '8'}};

    /** A known binary signature, or NUL bytes on more than half of the (non-empty) lines of the head. */
    static boolean isBinary(byte[] head) {
        for (byte[] sig : BINARY_SIGNATURES) {
            if (head.length >= sig.length && Arrays.equals(head, 0, sig.length, sig, 0, sig.length)) return true;
        }
        int lines = 0;
        int withNul = 0;
        boolean lineHasNul = false;
        boolean lineHasText = false;
        for (byte b : head) {
            if (b == '\n' || b == '\r') {
                if (lineHasText) {
                    lines++;
                    if (lineHasNul) withNul++;
                }
                lineHasNul = false;
                lineHasText = false;
            } else {
                lineHasText = true;
                if (b == 0) lineHasNul = true;
            }
        }
        if (lineHasText) {
            lines++;
            if (lineHasNul) withNul++;
        }
        return withNul * 2 > lines;
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

    private static String printable(char c) {
        return c == '\t' ? "tab" : String.valueOf(c);
    }

}
