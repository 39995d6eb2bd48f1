package org.glasshouse.contract;

import java.util.List;

/**
 * One field of a data contract and the checks declared on it. Each check carries its own stable rule id,
 * so renaming or reordering fields never renumbers rules that partners already know.
 */
public record FieldSpec(
        String name,
        FieldType type,
        String description,
        boolean personal,
        boolean freeText,
        String requiredRule,
        String typeRule,
        CodeListCheck codes,
        RangeCheck range,
        PatternCheck pattern,
        ReferenceCheck references) {

    public boolean required() { return requiredRule != null; }

    /** Personal data and free text never leave the private zone. */
    public boolean publishable() { return !personal && !freeText; }

    public record CodeListCheck(String ruleId, List<String> values) {}

    public record RangeCheck(String ruleId, Double min, Double max, boolean exclusiveMin) {
        public String describe() {
            StringBuilder s = new StringBuilder();
            if (min != null) s.append(exclusiveMin ? "greater than " : "at least ").append(fmt(min));
            if (max != null) s.append(s.length() > 0 ? " and " : "").append("at most ").append(fmt(max));
            return s.toString();
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }

    public record PatternCheck(String ruleId, String regex) {}

    /** The value must be a key of another (reference) dataset, e.g. agreements.partner_id → partners.partner_id. */
    public record ReferenceCheck(String ruleId, String dataset, String field) {}
}
