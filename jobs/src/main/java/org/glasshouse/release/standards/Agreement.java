package org.glasshouse.release.standards;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Suppressed;
import org.glasshouse.reports.render.CellFormatter;

/**
 * One agreement as both standards describe it, gathered from the public tables: its terms (agreements), its
 * programme and partner (reference tables) and its money to date (agreement_metrics, reporting currency). Amounts
 * carry the published rounding (two decimals), so the standards files agree with the CSV.
 */
record Agreement(String id, String programmeId, String programmeName, String agency, String partnerId,
                 String partnerName, String partnerType, LocalDate start, LocalDate end, BigDecimal awarded,
                 String awardCurrency, String paymentModel, BigDecimal committed, BigDecimal disbursed,
                 BigDecimal spent) {

    /** Every agreement of agreement_metrics (or, without it, of the agreements table), in id order. */
    static List<Agreement> all(ReleaseContext c) {
        DataTable metrics = c.t("agreement_metrics");
        DataTable terms = c.t("agreements");
        DataTable base = metrics != null ? metrics : terms;
        List<Agreement> out = new ArrayList<>();
        if (base == null) return out;
        Map<String, List<Object>> termsById = byKey(terms, "agreement_id");
        Map<String, List<Object>> partners = byKey(c.t("partners"), "partner_id");
        Map<String, List<Object>> programmes = byKey(c.t("programmes"), "programme_id");
        for (List<Object> r : base.rows()) {
            String id = text(base, r, "agreement_id");
            List<Object> t = termsById.get(id);
            String programme = text(base, r, "programme_id");
            String partner = text(base, r, "partner_id");
            List<Object> p = partners.get(partner);
            List<Object> g = programmes.get(programme);
            BigDecimal committed = money(metrics, metrics == null ? null : r, "committed");
            BigDecimal ownAmount = money(terms, t, "committed_amount");
            String ownCurrency = text(terms, t, "currency");
            boolean own = ownAmount != null && !ownCurrency.isBlank();
            out.add(new Agreement(id, programme, orId(text(c.t("programmes"), g, "name"), programme),
                    text(c.t("programmes"), g, "agency"), partner, orId(text(c.t("partners"), p, "name"), partner),
                    text(c.t("partners"), p, "partner_type"), date(terms, t, "start_date"), date(terms, t, "end_date"),
                    own ? ownAmount : committed, own ? ownCurrency : c.currency(), text(terms, t, "payment_model"),
                    committed, money(metrics, metrics == null ? null : r, "disbursed"),
                    money(metrics, metrics == null ? null : r, "spent")));
        }
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }

    private static String orId(String name, String id) {
        return name.isBlank() ? id : name;
    }

    static Map<String, List<Object>> byKey(DataTable t, String key) {
        Map<String, List<Object>> m = new HashMap<>();
        if (t == null) return m;
        int i = index(t, key);
        if (i < 0) return m;
        for (List<Object> r : t.rows()) m.putIfAbsent(String.valueOf(r.get(i)), r);
        return m;
    }

    static int index(DataTable t, String column) {
        if (t == null) return -1;
        for (int i = 0; i < t.columns().size(); i++) if (t.columns().get(i).name().equals(column)) return i;
        return -1;
    }

    static Object value(DataTable t, List<Object> r, String column) {
        int i = index(t, column);
        return r == null || i < 0 ? null : r.get(i);
    }

    static String text(DataTable t, List<Object> r, String column) {
        Object v = value(t, r, column);
        return v == null || v instanceof Suppressed ? "" : String.valueOf(v);
    }

    /** A published figure with its published rounding, or null when empty or suppressed. */
    static BigDecimal number(DataTable t, List<Object> r, String column, ColumnType type) {
        Object v = value(t, r, column);
        if (v == null || v instanceof Suppressed) return null;
        String s = CellFormatter.plain(v, type);
        try {
            return s.isEmpty() ? null : new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static BigDecimal money(DataTable t, List<Object> r, String column) {
        return number(t, r, column, ColumnType.MONEY);
    }

    static LocalDate date(DataTable t, List<Object> r, String column) {
        Object v = value(t, r, column);
        if (v instanceof LocalDate d) return d;
        String s = v == null ? "" : String.valueOf(v);
        return s.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(s) : null;
    }

    /** Planned duration in whole months (the end date is the last day). */
    Long months() {
        if (start == null || end == null || end.isBefore(start)) return null;
        return java.time.temporal.ChronoUnit.MONTHS.between(start, end.plusDays(1));
    }
}
