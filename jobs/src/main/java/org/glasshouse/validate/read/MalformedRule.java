package org.glasshouse.validate.read;

import java.util.List;

/**
 * Rule ids for rows that cannot be split into fields, or that go beyond a limit: the row is kept, raw (cut to the
 * line limit), in quarantine, and judged by this rule alone.
 */
public final class MalformedRule {
    public static final String TOO_MANY_FIELDS = "ROW-001";
    public static final String TOO_FEW_FIELDS = "ROW-002";
    public static final String NOT_A_JSON_OBJECT = "ROW-003";
    public static final String UNBALANCED_QUOTES = "ROW-004";
    public static final String LINE_TOO_LONG = "ROW-005";
    public static final String FIELD_TOO_LONG = "ROW-006";
    public static final String INVALID_ENCODING = "ROW-007";
    public static final String NUL_CHARACTER = "ROW-008";
    public static final String JSON_TOO_DEEP = "ROW-009";
    public static final String NUMBER_TOO_LARGE = "ROW-010";
    public static final String TOO_MANY_KEYS = "ROW-011";

    /**
     * One malformed-row rule as documentation and feedback: {@code message} is what a partner reads when the reader
     * gave no more precise one for the row.
     */
    public record Rule(String id, String title, String hint, String expected, String message) {}

    public static final List<Rule> CATALOGUE = List.of(
            new Rule(TOO_MANY_FIELDS, "row has more fields than the header",
                    "Look for an unquoted comma inside a value; quote values that contain commas.",
                    "as many fields as the header row", "The row has more fields than the header row."),
            new Rule(TOO_FEW_FIELDS, "row has fewer fields than the header",
                    "Every row needs one value (possibly empty) per header column.",
                    "as many fields as the header row", "The row has fewer fields than the header row."),
            new Rule(NOT_A_JSON_OBJECT, "line is not a JSON object",
                    "Each line of a .jsonl file must be one complete JSON object.", "one JSON object per line",
                    "The line is not a valid JSON object."),
            new Rule(UNBALANCED_QUOTES, "unbalanced quotes",
                    "Close every opening double quote; write a quote inside a value as \"\".",
                    "balanced double quotes", "The row has an opening quote that is never closed."),
            new Rule(LINE_TOO_LONG, "line longer than the limit",
                    "Look for a missing line break or a runaway value; each row must be on its own line.",
                    "a line shorter than the line limit",
                    "The line is longer than the line limit; only its start is kept."),
            new Rule(FIELD_TOO_LONG, "value longer than the limit",
                    "Shorten the value; long notes do not belong in the data.", "values shorter than the field limit",
                    "A value is longer than the field limit."),
            new Rule(INVALID_ENCODING, "bytes that are not valid UTF-8",
                    "Save the file as 'CSV UTF-8'; this row holds bytes of another encoding or damaged text.",
                    "UTF-8 text", "The row holds bytes that are not valid UTF-8 (shown as \uFFFD)."),
            new Rule(NUL_CHARACTER, "NUL character in the row",
                    "Remove the NUL (zero) byte; it usually comes from a damaged copy or a binary value pasted in.",
                    "text without NUL characters", "The row holds a NUL character."),
            new Rule(JSON_TOO_DEEP, "JSON nested deeper than the limit",
                    "Send each row as a flat JSON object: one key per field, values as text or numbers.",
                    "a flat JSON object", "The JSON object is nested deeper than the limit."),
            new Rule(NUMBER_TOO_LARGE, "number with more digits than the limit",
                    "Write numbers in plain notation with at most the digits they need (1250.50, not 1.2505e3 or "
                            + "1e999).", "a plain decimal number", "A number in the row has more digits than the limit."),
            new Rule(TOO_MANY_KEYS, "JSON object with more keys than the limit",
                    "Send one key per contract field, plus your own flex_* keys.",
                    "one key per contract field and a few flex_* keys",
                    "The JSON object has more keys than the limit."));

    public static Rule rule(String id) {
        return CATALOGUE.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no malformed-row rule " + id));
    }

    private MalformedRule() {}
}
