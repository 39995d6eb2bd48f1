package org.glasshouse.validate.rules;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    public static Column readable() {
        return col(RawRows.MALFORMED).isNull().and(col(RawRows.FILE_RULE).isNull());
    }

    /**
     * Numbers are summed exactly in decimal(38, 6) by the metrics (ExactSum): a value of more integer digits than
     * this could overflow a sum and stop the metrics of every partner, so it is not a valid number.
     */
    public static final int MAX_INTEGER_DIGITS = 15;

    /**
     * True when the text is a valid value of the type: the pattern matches and the cast succeeds (no 2025-02-30);
     * a number has at most {@link #MAX_INTEGER_DIGITS} digits before the decimal point.
     */
    static Column isValid(Column v, FieldType type) {
        Column ok = v.rlike(type.textPattern());
        return switch (type) {
            case DATE, INTEGER -> ok.and(v.try_cast(type.sparkType()).isNotNull());
            case NUMBER -> ok.and(v.rlike("^[-+]?0*[0-9]{0," + MAX_INTEGER_DIGITS + "}(\\.[0-9]*)?$"));
            default -> ok;
        };
    }

    /** Messages of the file rules under which every row of a file is quarantined. */
    private static final Map<String, String> WHOLE_FILE_MESSAGES = Map.of(
            FileRule.MISSING_REQUIRED_COLUMNS, "The file lacks a required column, so no row of it can be accepted.",
            FileRule.READ_FAILED, "The file broke off while being read, so no row of it can be accepted.",
            FileRule.INFLATES_TOO_MUCH, "The file unpacks to more than the limit, so no row of it can be accepted.");

    /** Rows that could not be split or went beyond a limit, and rows of files quarantined whole. */
    private static List<RowCheck> structural(String dataset) {
        Column malformed = col(RawRows.MALFORMED);
        List<RowCheck> checks = new ArrayList<>();
        for (MalformedRule.Rule r : MalformedRule.CATALOGUE) {
            checks.add(new RowCheck(new RuleInfo(r.id(), dataset, null, Severity.ERROR, r.title(), r.hint(),
                    r.expected()), null, malformed.equalTo(r.id()), col(RawRows.RAW),
                    coalesce(col(RawRows.DETAIL), lit(r.message()))));
        }
        for (String id : List.of(FileRule.MISSING_REQUIRED_COLUMNS, FileRule.READ_FAILED, FileRule.INFLATES_TOO_MUCH)) {
            RuleInfo f = FileRule.info(id);
            checks.add(new RowCheck(new RuleInfo(id, dataset, null, Severity.ERROR, f.title(), f.hint(), f.expected()),
                    null, col(RawRows.FILE_RULE).equalTo(id), lit(null), lit(WHOLE_FILE_MESSAGES.get(id))));
        }
        return checks;
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
