package org.glasshouse.validate.read;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.glasshouse.metrics.flags.EvidenceList;
import org.glasshouse.validate.rules.ContractChecks;

/**
 * Every bound on what a partner file can make a run hold, for the partner guide (docs/data-contracts.md): the
 * setting (or "fixed"), its value, the rule a file or row beyond it breaks, and what then happens.
 */
public final class LimitCatalogue {

    /** One bound; {@code value} reads it from the configured limits (null for fixed bounds). */
    public record Limit(String setting, Function<InputLimits, Object> value, String fixed, String unit, String rules,
                        String beyond) {
        public String valueIn(InputLimits limits) {
            Object v = value == null ? fixed : value.apply(limits);
            String text = v instanceof Number n ? String.format(Locale.ROOT, "%,d", n.longValue()) : String.valueOf(v);
            return unit.isEmpty() ? text : text + " " + unit;
        }
    }

    public static final List<Limit> ALL = List.of(
            new Limit("glasshouse.limits.file-bytes", InputLimits::fileBytes, null, "bytes", "FIL-008",
                    "the file is not read"),
            new Limit("glasshouse.limits.line-chars", InputLimits::lineChars, null, "characters", "ROW-005",
                    "the line (or CSV record) is quarantined with its start; reading goes on at the next line"),
            new Limit("glasshouse.limits.field-chars", InputLimits::fieldChars, null, "characters", "ROW-006",
                    "the row is quarantined"),
            new Limit("glasshouse.limits.columns", InputLimits::columns, null, "columns", "FIL-013, ROW-001",
                    "a wider header row: the file is not read; a wider row: the row is quarantined"),
            new Limit("glasshouse.limits.inflated-bytes", InputLimits::inflatedBytes, null, "bytes", "FIL-010",
                    "an .xlsx workbook unpacking to more (all its parts together): reading stops there and the rows "
                            + "read so far are quarantined; a Parquet file with a row group larger than this: not read"),
            new Limit("glasshouse.limits.xlsx-shared-strings", InputLimits::xlsxSharedStrings, null, "entries",
                    "FIL-011", "the workbook is not read"),
            new Limit("glasshouse.limits.json-depth", InputLimits::jsonDepth, null, "levels", "ROW-009",
                    "the JSON line is quarantined"),
            new Limit("glasshouse.limits.json-number-digits", InputLimits::jsonNumberDigits, null, "digits",
                    "ROW-010", "the JSON line is quarantined (1e999999999 has a billion digits written out)"),
            new Limit("glasshouse.limits.json-keys", InputLimits::jsonKeys, null, "keys", "ROW-011",
                    "the JSON line is quarantined"),
            new Limit("glasshouse.limits.flex-columns", InputLimits::flexColumns, null, "columns", "FIL-012",
                    "the extra flex_* columns (or keys) are not echoed back (a warning)"),
            new Limit("fixed", null, Integer.toString(ContractChecks.MAX_INTEGER_DIGITS), "digits before the point",
                    "the field's type rule", "a number with more is not a valid number (metrics sum exactly in "
                            + "decimal and must not overflow)"),
            new Limit("fixed", null, Integer.toString(CsvRecordReader.MAX_LINES_PER_RECORD), "lines", "ROW-004",
                    "a quoted CSV value open for more lines (or longer than line-chars) is an unbalanced quote: the "
                            + "first line is quarantined and reading goes on after it"),
            new Limit("fixed", null, Integer.toString(EvidenceList.MAX_LISTED), "ids", "every INT-* flag",
                    "an integrity flag lists the first ids of its evidence, then \"and N more\""));

    private LimitCatalogue() {}
}
