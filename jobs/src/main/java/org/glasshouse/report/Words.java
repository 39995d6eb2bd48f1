package org.glasshouse.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasshouse.metrics.flags.FlagRule;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.Suppressed;
import org.glasshouse.reports.render.CellFormatter;

/**
 * Codes of the open data in the words a page uses (on_track: "On track"), and figures written into sentences with
 * exactly the format the tables use ({@link CellFormatter#display}), so a figure reads the same everywhere.
 */
final class Words {

    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("status:on_track", "On track"), Map.entry("status:at_risk", "At risk"),
            Map.entry("status:off_track", "Off track"),
            Map.entry("method:pre_post", "Before and after"), Map.entry("method:did", "Against a comparison group"),
            Map.entry("subject_type:agreement", "Agreement"), Map.entry("subject_type:partner", "Partner"),
            Map.entry("subject_type:partner_dataset", "Partner's dataset"),
            Map.entry("dimension:region", "Region"), Map.entry("dimension:age_band", "Age band"),
            Map.entry("dimension:sex", "Sex"), Map.entry("dimension:priority_group", "Priority group"),
            Map.entry("partner_type:nonprofit", "Non-profit"), Map.entry("partner_type:business", "Business"),
            Map.entry("partner_type:academic", "Academic"), Map.entry("partner_type:community", "Community group"),
            Map.entry("partner_type:government", "Government body"),
            Map.entry("payment_model:grant", "Grant"), Map.entry("payment_model:contract", "Contract"),
            Map.entry("payment_model:outcomes_based", "Outcomes-based"),
            Map.entry("direction:increase", "Higher"), Map.entry("direction:decrease", "Lower"));

    private Words() {}

    /** The plain word for a coded value of a column, or the value itself. */
    static Object value(String column, Object v) {
        if (v == null || v instanceof Suppressed) return v;
        String word = VALUES.get(column + ":" + v);
        return word != null ? word : v;
    }

    /** A figure as the tables show it, or "not available" when it is empty, or "[c]" when it is suppressed. */
    static String figure(Object v, ColumnType type) {
        if (v == null) return "not available";
        String s = CellFormatter.display(v, type);
        return s.isEmpty() ? "not available" : s;
    }

    static String money(Object v, String currency) {
        if (v == null || v instanceof Suppressed) return figure(v, ColumnType.MONEY);
        return currency + " " + figure(v, ColumnType.MONEY);
    }

    /** "1 flag", "3 flags". */
    static String count(long n, String one, String many) {
        return CellFormatter.display(n, ColumnType.COUNT) + " " + (n == 1 ? one : many);
    }

    /** The check's short title for a rule id (INT-DUPLICATE: "Possible duplicate expenditures"). */
    static String check(String ruleId) {
        for (FlagRule r : FlagRule.ALL) if (r.id().equals(ruleId)) return r.title();
        return ruleId;
    }

    /** "a, b and c". */
    static String list(List<String> items) {
        if (items.isEmpty()) return "";
        if (items.size() == 1) return items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
