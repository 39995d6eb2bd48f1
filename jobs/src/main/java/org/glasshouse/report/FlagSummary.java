package org.glasshouse.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;

/**
 * Integrity flags as a person can act on them: grouped per subject (an agreement, a partner, a partner's dataset)
 * or per check, with how many flags and how much money they concern, the strongest first, and never more rows than
 * the page allows; the full list stays in the open data (integrity_flags). "Strongest" is the money concerned, then
 * the number of flags, so a subject with thousands of repeated payments leads, and flags without an amount (late or
 * rejected submissions) follow by count.
 */
final class FlagSummary {

    /** The flags about one subject or of one check. */
    static final class Group {
        final String type;
        final String id;
        long flags;
        BigDecimal amount;
        final Set<String> rules = new LinkedHashSet<>();
        final Set<String> subjects = new LinkedHashSet<>();
        String example;
        BigDecimal exampleAmount;

        Group(String type, String id) {
            this.type = type;
            this.id = id;
        }

        void add(String rule, String subject, String evidence, BigDecimal amt) {
            flags++;
            rules.add(rule);
            subjects.add(subject);
            if (amt != null) amount = amount == null ? amt : amount.add(amt);
            boolean stronger = example == null || (amt != null && (exampleAmount == null || amt.compareTo(exampleAmount) > 0));
            if (stronger) {
                example = evidence;
                exampleAmount = amt;
            }
        }
    }

    /** The groups shown and how many there were in all. */
    record Top(List<Group> shown, int groups, long flags) {}

    private static final Comparator<Group> STRONGEST_FIRST = Comparator
            .comparing((Group g) -> g.amount == null ? BigDecimal.valueOf(-1) : g.amount, Comparator.reverseOrder())
            .thenComparing(g -> g.flags, Comparator.reverseOrder())
            .thenComparing(g -> g.type).thenComparing(g -> g.id);

    private FlagSummary() {}

    /** Per subject, strongest first, at most {@code max}. */
    static Top bySubject(DataTable flags, int max) {
        return top(group(flags, true), max);
    }

    /** Per check (rule), strongest first, at most {@code max}. */
    static Top byCheck(DataTable flags, int max) {
        return top(group(flags, false), max);
    }

    private static Top top(Map<String, Group> groups, int max) {
        List<Group> all = new ArrayList<>(groups.values());
        all.sort(STRONGEST_FIRST);
        long n = all.stream().mapToLong(g -> g.flags).sum();
        return new Top(List.copyOf(all.subList(0, Math.min(max, all.size()))), all.size(), n);
    }

    private static Map<String, Group> group(DataTable flags, boolean bySubject) {
        int rule = Tables.index(flags, "rule_id");
        int type = Tables.index(flags, "subject_type");
        int id = Tables.index(flags, "subject_id");
        int evidence = Tables.index(flags, "evidence");
        int amount = Tables.index(flags, "amount");
        Map<String, Group> groups = new LinkedHashMap<>();
        for (List<Object> r : flags.rows()) {
            String ruleId = text(r, rule);
            String subjectType = text(r, type);
            String subjectId = text(r, id);
            String key = bySubject ? subjectType + "\u0000" + subjectId : ruleId;
            Group g = groups.computeIfAbsent(key, k -> bySubject ? new Group(subjectType, subjectId)
                    : new Group("check", ruleId));
            g.add(ruleId, subjectType + "\u0000" + subjectId, text(r, evidence), amount(r, amount));
        }
        return groups;
    }

    private static String text(List<Object> r, int i) {
        return i < 0 || r.get(i) == null ? "" : String.valueOf(r.get(i));
    }

    private static BigDecimal amount(List<Object> r, int i) {
        if (i < 0 || !(r.get(i) instanceof Number n)) return null;
        return n instanceof BigDecimal b ? b : BigDecimal.valueOf(n.doubleValue());
    }

    /** The per-subject page table: subject (named), flags, checks, amount, strongest example. */
    static DataTable subjectTable(Top top, String currency, BiFunction<String, String, String> subjectName) {
        List<PageTables.Field> fields = List.of(
                PageTables.computed("subject", ColumnType.TEXT, r -> r.get(0)),
                PageTables.computed("flags", ColumnType.COUNT, r -> r.get(1)),
                PageTables.computed("checks", ColumnType.TEXT, r -> r.get(2)),
                PageTables.computed("amount", ColumnType.MONEY, r -> r.get(3)),
                PageTables.computed("example", ColumnType.TEXT, r -> r.get(4)));
        List<List<Object>> rows = new ArrayList<>();
        for (Group g : top.shown()) {
            rows.add(java.util.Arrays.asList(subjectName.apply(g.type, g.id), g.flags,
                    String.join("; ", g.rules.stream().map(Words::check).toList()), g.amount, g.example));
        }
        return PageTables.table("integrity_flags", "Integrity flags by subject", currency, fields, rows);
    }

    /** The per-check page table: check, flags, subjects, amount, strongest example. */
    static DataTable checkTable(Top top, String currency, boolean withSubjects) {
        List<PageTables.Field> fields = new ArrayList<>(List.of(
                PageTables.computed("check", ColumnType.TEXT, r -> r.get(0)),
                PageTables.computed("flags", ColumnType.COUNT, r -> r.get(1))));
        if (withSubjects) fields.add(PageTables.computed("subjects", ColumnType.COUNT, r -> r.get(2)));
        fields.add(PageTables.computed("amount", ColumnType.MONEY, r -> r.get(3)));
        fields.add(PageTables.computed("example", ColumnType.TEXT, r -> r.get(4)));
        List<List<Object>> rows = new ArrayList<>();
        for (Group g : top.shown()) {
            rows.add(java.util.Arrays.asList(Words.check(g.id), g.flags, (long) g.subjects.size(), g.amount,
                    g.example));
        }
        return PageTables.table("integrity_flags", "Integrity flags by check", currency, fields, rows);
    }
}
