package org.glasshouse.validate.read;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.util.Locale;

/**
 * Splits one CSV record into fields with univocity (the parser Spark's CSV source uses), bounded by the column and
 * field limits. A record beyond a limit is not an error of the run: univocity gives up on it, and the record becomes
 * a malformed row (ROW-001 more fields than allowed, ROW-006 a value too long); the parser is reused for the next.
 */
final class CsvLine {

    /** The fields, or the rule the record breaks (fields then null) with a detail message. */
    record Parsed(String[] fields, String rule, String detail) {}

    private final CsvParser parser;
    private final InputLimits limits;

    CsvLine(char delimiter, InputLimits limits) {
        this.limits = limits;
        CsvParserSettings s = new CsvParserSettings();
        s.getFormat().setDelimiter(delimiter);
        s.getFormat().setQuote('"');
        s.getFormat().setQuoteEscape('"');
        s.getFormat().setLineSeparator("\n");
        s.setMaxColumns(limits.columns());
        s.setMaxCharsPerColumn(limits.fieldChars());
        s.setNullValue(null);
        s.setEmptyValue(null);
        this.parser = new CsvParser(s);
    }

    Parsed parse(String record) {
        try {
            String[] cols = parser.parseLine(record);
            return new Parsed(cols == null ? new String[0] : cols, null, null);
        } catch (TextParsingException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            if (m.contains("maximum number of characters")) {
                return new Parsed(null, MalformedRule.FIELD_TOO_LONG, String.format(Locale.ROOT,
                        "A value is longer than %,d characters (the field limit).", limits.fieldChars()));
            }
            if (e.getCause() instanceof ArrayIndexOutOfBoundsException) {
                return new Parsed(null, MalformedRule.TOO_MANY_FIELDS, String.format(Locale.ROOT,
                        "The row has more than %,d fields (the column limit).", limits.columns()));
            }
            // Any other refusal of the tokenizer is still one row's problem: its fields cannot be told apart.
            String first = m.lines().findFirst().orElse("").strip();
            return new Parsed(null, MalformedRule.UNBALANCED_QUOTES, "The row's fields cannot be told apart"
                    + (first.isEmpty() ? "." : ": " + RawText.bounded(first, 200)));
        }
    }

    /** Header fields: the same parser; null when the header is beyond the limits. */
    static String[] header(String line, char delimiter, InputLimits limits) {
        Parsed p = new CsvLine(delimiter, limits).parse(line);
        return p.rule() == null ? p.fields() : null;
    }
}
