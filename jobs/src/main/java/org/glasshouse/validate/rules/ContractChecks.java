package org.glasshouse.validate.rules;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.glasshouse.contract.Contract;
import org.glasshouse.contract.FieldSpec;
import org.glasshouse.contract.FieldType;
import org.glasshouse.validate.read.FileRule;
import org.glasshouse.validate.read.MalformedRule;
import org.glasshouse.validate.read.RawRows;

/**
 * The row checks a contract declares (required, type, code list, range, pattern, date order), plus unreadable-row
 * checks. Reference checks ({@code references:}) need other datasets and live in {@link ReferenceCheck}.
 */
public final class ContractChecks {

    private ContractChecks() {}

    public static List<RowCheck> of(Contract contract) {
        List<RowCheck> checks = new ArrayList<>(structural(contract.dataset()));
        // A row that could not be split, or whose file lacks required columns, is judged by those rules alone.
        Column readable = readable();
        for (FieldSpec f : contract.fields()) {
            Column v = col(f.name());
            Column present = readable.and(v.isNotNull());
            if (f.requiredRule() != null) {
                checks.add(new RowCheck(info(f.requiredRule(), contract, f, "required",
                        "Fill in " + f.name() + " on every row.", "a value (" + f.type().expectedForm() + ")"),
                        f.name(), readable.and(v.isNull()), lit(null), lit(f.name() + " is required but empty.")));
            }
            if (f.typeRule() != null && f.type().textPattern() != null) {
                checks.add(new RowCheck(info(f.typeRule(), contract, f, "type",
                        "Write " + f.name() + " as " + f.type().expectedForm() + ".", f.type().expectedForm()),
                        f.name(), present.and(not(isValid(v, f.type()))), v,
                        msg(f.name() + " '", v, "' is not " + f.type().expectedForm() + ".")));
            }
            if (f.codes() != null) {
                String allowed = String.join(", ", f.codes().values());
                checks.add(new RowCheck(info(f.codes().ruleId(), contract, f, "code list",
                        "Use one of: " + allowed + " (exact spelling, lower case).", "one of: " + allowed),
                        f.name(), present.and(not(v.isin(f.codes().values().toArray()))), v,
                        msg(f.name() + " '", v, "' is not one of: " + allowed + ".")));
            }
            if (f.range() != null) {
                Column typed = v.try_cast("double");
                Column out = lit(false);
                if (f.range().min() != null) {
                    out = out.or(f.range().exclusiveMin() ? typed.leq(f.range().min()) : typed.lt(f.range().min()));
                }
                if (f.range().max() != null) out = out.or(typed.gt(f.range().max()));
                checks.add(new RowCheck(info(f.range().ruleId(), contract, f, "range",
                        f.name() + " must be " + f.range().describe() + ".", f.range().describe()), f.name(),
                        present.and(typed.isNotNull()).and(out), v,
                        msg(f.name() + " " , v, " is out of range: it must be " + f.range().describe() + ".")));
            }
            if (f.pattern() != null) {
                checks.add(new RowCheck(info(f.pattern().ruleId(), contract, f, "pattern",
                        "Check the format of " + f.name() + " (expected pattern " + f.pattern().regex() + ").",
                        "text matching " + f.pattern().regex()),
                        f.name(), present.and(not(v.rlike(f.pattern().regex()))), v,
                        msg(f.name() + " '", v, "' does not have the expected format.")));
            }
        }
        for (Contract.DateOrder d : contract.dateOrders()) checks.add(dateOrder(contract, d));
        return checks;
    }

    /** end must not be before start; judged only when both are valid dates (their own type rules catch the rest). */
    private static RowCheck dateOrder(Contract contract, Contract.DateOrder d) {
        Column start = col(d.start()).try_cast("date");
        Column end = col(d.end()).try_cast("date");
        Column both = readable().and(isValid(col(d.start()), FieldType.DATE)).and(isValid(col(d.end()), FieldType.DATE));
        return new RowCheck(new RuleInfo(d.ruleId(), contract.dataset(), d.end(), Severity.ERROR,
                d.end() + " on or after " + d.start(),
                "Check both dates; " + d.end() + " must not be earlier than " + d.start() + ".",
                "a date on or after " + d.start()),
                d.end(), both.and(end.lt(start)), col(d.end()),
                concat(lit(d.end() + " "), col(d.end()), lit(" is before " + d.start() + " "), col(d.start()), lit(".")));
    }

    static Column readable() {
        return col(RawRows.MALFORMED).isNull().and(col(RawRows.FILE_RULE).isNull());
    }

    /** True when the text is a valid value of the type: the pattern matches and the cast succeeds (no 2025-02-30). */
    static Column isValid(Column v, FieldType type) {
        Column ok = v.rlike(type.textPattern());
        return switch (type) {
            case DATE, INTEGER -> ok.and(v.try_cast(type.sparkType()).isNotNull());
            default -> ok;
        };
    }

    private static List<RowCheck> structural(String dataset) {
        Column malformed = col(RawRows.MALFORMED);
        return List.of(
                new RowCheck(new RuleInfo(MalformedRule.TOO_MANY_FIELDS, dataset, null, Severity.ERROR,
                        "row has more fields than the header",
                        "Look for an unquoted comma inside a value; quote values that contain commas.",
                        "as many fields as the header row"),
                        null, malformed.equalTo(MalformedRule.TOO_MANY_FIELDS), col(RawRows.RAW),
                        lit("The row has more fields than the header row.")),
                new RowCheck(new RuleInfo(MalformedRule.TOO_FEW_FIELDS, dataset, null, Severity.ERROR,
                        "row has fewer fields than the header",
                        "Every row needs one value (possibly empty) per header column.",
                        "as many fields as the header row"),
                        null, malformed.equalTo(MalformedRule.TOO_FEW_FIELDS), col(RawRows.RAW),
                        lit("The row has fewer fields than the header row.")),
                new RowCheck(new RuleInfo(MalformedRule.NOT_A_JSON_OBJECT, dataset, null, Severity.ERROR,
                        "line is not a JSON object", "Each line of a .jsonl file must be one complete JSON object.",
                        "one JSON object per line"),
                        null, malformed.equalTo(MalformedRule.NOT_A_JSON_OBJECT), col(RawRows.RAW),
                        lit("The line is not a valid JSON object.")),
                new RowCheck(new RuleInfo(MalformedRule.UNBALANCED_QUOTES, dataset, null, Severity.ERROR,
                        "unbalanced quotes", "Close every opening double quote; write a quote inside a value as \"\".",
                        "balanced double quotes"),
                        null, malformed.equalTo(MalformedRule.UNBALANCED_QUOTES), col(RawRows.RAW),
                        lit("The row has an opening quote that is never closed.")),
                new RowCheck(new RuleInfo(FileRule.MISSING_REQUIRED_COLUMNS, dataset, null, Severity.ERROR,
                        "file lacks required columns", "Use the header row of the dataset's template.",
                        "every required column in the header row"),
                        null, col(RawRows.FILE_RULE).equalTo(FileRule.MISSING_REQUIRED_COLUMNS), lit(null),
                        lit("The file lacks a required column, so no row of it can be accepted.")));
    }

    private static RuleInfo info(String id, Contract c, FieldSpec f, String kind, String hint, String expected) {
        return new RuleInfo(id, c.dataset(), f.name(), Severity.ERROR, f.name() + ": " + kind, hint, expected);
    }

    static Column msg(String before, Column value, String after) {
        return concat(lit(before), value.cast("string"), lit(after));
    }

    private static Column not(Column c) {
        return org.apache.spark.sql.functions.not(c);
    }
}
