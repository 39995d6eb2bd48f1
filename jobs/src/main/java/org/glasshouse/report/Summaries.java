package org.glasshouse.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Suppressed;
import org.glasshouse.reports.render.CellFormatter;

/**
 * The two or three sentences each page opens with, written from the page's own figures in the same format as its
 * tables (a share of 0.8364 in the CSV is 83.6% in the sentence and in the table). A suppressed figure is never
 * narrowed down in words: the sentence says it is suppressed.
 */
final class Summaries {

    private Summaries() {}

    static String overview(ReportAssembler.Inputs in) {
        List<String> s = new ArrayList<>();
        DataTable overall = in.t("overall_metrics");
        DataTable programmes = in.t("programme_metrics");
        DataTable agreements = in.t("agreement_metrics");
        List<Object> o = overall == null || overall.rows().isEmpty() ? null : overall.rows().get(0);
        Object committed = o != null ? Tables.value(overall, o, "committed") : sum(programmes, "committed");
        Object disbursed = o != null ? Tables.value(overall, o, "disbursed") : sum(programmes, "disbursed");
        Object spent = o != null ? Tables.value(overall, o, "spent") : sum(programmes, "spent");
        Object paidShare = o != null ? Tables.value(overall, o, "disbursement_rate") : ratio(disbursed, committed);
        Object spentShare = o != null ? Tables.value(overall, o, "absorption_rate") : ratio(spent, disbursed);
        int nAgreements = agreements == null ? 0 : agreements.rows().size();
        int nProgrammes = EntityPages.programmeIds(in).size();
        int nPartners = EntityPages.partnerIds(in).size();
        if (committed != null) {
            s.add("As of " + date(in) + ", the agency has committed " + Words.money(committed, in.currency())
                    + (nAgreements > 0 ? " under " + Words.count(nAgreements, "agreement", "agreements") : "")
                    + " with " + Words.count(nPartners, "partner", "partners") + " in "
                    + Words.count(nProgrammes, "programme", "programmes") + ", and paid out "
                    + Words.money(disbursed, in.currency()) + " (" + Words.figure(paidShare, ColumnType.RATE)
                    + " of it).");
            Object people = o == null ? null : Tables.value(overall, o, "beneficiaries");
            s.add("Partners report spending " + Words.money(spent, in.currency()) + ", "
                    + Words.figure(spentShare, ColumnType.RATE) + " of what they were paid"
                    + (o == null ? "." : ", and " + people(people, "serving") + "."));
        } else {
            s.add("Figures as of " + date(in) + ".");
        }
        s.add(flagsSentence(in.t("integrity_flags"), in.currency(), "The data-quality page lists the strongest."));
        return String.join(" ", s);
    }

    static String programme(ReportAssembler.Inputs in, String id, List<String> agreementIds) {
        List<String> s = new ArrayList<>();
        String name = EntityPages.programmeName(in, id);
        DataTable pm = in.t("programme_metrics");
        List<Object> row = pm == null ? null : Tables.first(pm, "programme_id", id);
        if (row != null) {
            s.add(name + " has spent " + Words.figure(Tables.value(pm, row, "absorption_rate"), ColumnType.RATE)
                    + " of what was paid out (" + Words.money(Tables.value(pm, row, "spent"), in.currency()) + " of "
                    + Words.money(Tables.value(pm, row, "disbursed"), in.currency()) + ") and "
                    + people(Tables.value(pm, row, "beneficiaries"), "reached") + ".");
        } else {
            s.add(name + " has no money or delivery figures in this release.");
        }
        s.add(indicatorSentence(in, agreementIds));
        DataTable flags = in.t("integrity_flags");
        if (flags != null) {
            DataTable mine = Tables.whereIn(flags, "subject_id", agreementIds);
            s.add(mine.rows().isEmpty() ? "No integrity check raised a flag about its agreements."
                    : "The integrity checks raised " + Words.count(mine.rows().size(), "flag", "flags")
                    + " about its agreements (see the partners' pages).");
        }
        return String.join(" ", s);
    }

    static String partner(ReportAssembler.Inputs in, String id, List<String> agreementIds, DataTable myFlags) {
        List<String> s = new ArrayList<>();
        String name = EntityPages.partnerName(in, id);
        DataTable ag = in.t("agreement_metrics");
        Set<String> programmes = new LinkedHashSet<>();
        if (ag != null) programmes.addAll(Tables.texts(Tables.where(ag, "partner_id", id), "programme_id"));
        DataTable pm = in.t("partner_metrics");
        List<Object> row = pm == null ? null : Tables.first(pm, "partner_id", id);
        String type = row == null ? "" : String.valueOf(Words.value("partner_type", Tables.value(pm, row, "partner_type")));
        s.add(name + (type.isEmpty() || type.equals("null") ? "" : " (" + type.toLowerCase(java.util.Locale.ROOT) + ")")
                + " holds " + Words.count(agreementIds.size(), "agreement", "agreements") + " in "
                + Words.count(programmes.size(), "programme", "programmes")
                + (row == null ? "." : ", worth " + Words.money(Tables.value(pm, row, "committed"), in.currency()) + "."));
        if (row != null) {
            Object spent = Tables.value(pm, row, "spent");
            Object paid = Tables.value(pm, row, "disbursed");
            Object share = Tables.index(pm, "absorption_rate") >= 0 ? Tables.value(pm, row, "absorption_rate")
                    : ratio(spent, paid);
            s.add("It has spent " + (share == null ? "" : Words.figure(share, ColumnType.RATE) + " of what it was paid, ")
                    + Words.money(spent, in.currency()) + " of " + Words.money(paid, in.currency()) + ", and "
                    + people(Tables.value(pm, row, "beneficiaries"), "served") + ".");
        }
        if (myFlags != null) {
            s.add(myFlags.rows().isEmpty() ? "No integrity check raised a flag about it or its agreements."
                    : flagsSentence(myFlags, in.currency(), "They are listed below by check."));
        }
        return String.join(" ", s);
    }

    static String dataQuality(ReportAssembler.Inputs in) {
        List<String> s = new ArrayList<>();
        DataTable dq = in.t("data_quality");
        if (dq != null && !dq.rows().isEmpty()) {
            long read = longSum(dq, "rows_read");
            long accepted = longSum(dq, "rows_accepted");
            s.add("Partners sent " + Words.count(read, "row", "rows") + " of data; "
                    + CellFormatter.display(accepted, ColumnType.COUNT) + " ("
                    + Words.figure(ratio(accepted, read), ColumnType.RATE) + ") passed validation and "
                    + CellFormatter.display(read - accepted, ColumnType.COUNT) + " were rejected, each with its "
                    + "reasons sent back to the partner.");
        }
        s.add(flagsSentence(in.t("integrity_flags"), in.currency(), "A flag is a reason to look closer, not a "
                + "finding of wrongdoing."));
        return String.join(" ", s);
    }

    static String methodology(ReportAssembler.Inputs in) {
        long checks = in.methodology().stream().filter(e -> e.name().startsWith("INT-")).count();
        long metrics = in.methodology().size() - checks;
        return "This page defines the " + Words.count(metrics, "published figure", "published figures") + " and "
                + Words.count(checks, "integrity check", "integrity checks") + " of this release, with the thresholds "
                + "in force. All money is in " + in.currency() + ", and counts of people below " + in.k()
                + " are suppressed to protect the people served.";
    }

    static String downloads(ReportAssembler.Inputs in) {
        long rows = in.tables().values().stream().mapToLong(t -> t.rows().size()).sum();
        return "This release publishes " + Words.count(in.tables().size(), "table", "tables") + " ("
                + Words.count(rows, "row", "rows") + " in all) as CSV, JSON and Parquet, and its agreements in the "
                + "sector's standards: as 360Giving grants and, with their programmes, as IATI activities. Every "
                + "figure in the report can be recomputed from these files.";
    }

    private static String indicatorSentence(ReportAssembler.Inputs in, List<String> agreementIds) {
        DataTable ir = in.t("indicator_results");
        if (ir == null) return "";
        DataTable latest = EntityPages.latestPeriod(Tables.whereIn(ir, "agreement_id", agreementIds));
        if (latest.rows().isEmpty()) return "No indicator results have been reported yet.";
        long on = latest.rows().stream().filter(r -> "on_track".equals(Tables.text(latest, r, "status"))).count();
        long off = latest.rows().stream().filter(r -> "off_track".equals(Tables.text(latest, r, "status"))).count();
        long risk = latest.rows().stream().filter(r -> "at_risk".equals(Tables.text(latest, r, "status"))).count();
        int n = latest.rows().size();
        long unknown = n - on - off - risk;
        return "Of its " + Words.count(n, "indicator result", "indicator results") + " in the latest period, "
                + CellFormatter.display(on, ColumnType.COUNT) + " " + (on == 1 ? "is" : "are") + " on track, "
                + CellFormatter.display(risk, ColumnType.COUNT) + " at risk and "
                + CellFormatter.display(off, ColumnType.COUNT) + " off track"
                + (unknown > 0 ? " (" + CellFormatter.display(unknown, ColumnType.COUNT) + " without a status)" : "")
                + ".";
    }

    private static String flagsSentence(DataTable flags, String currency, String tail) {
        if (flags == null) return "";
        if (flags.rows().isEmpty()) return "No integrity check raised a flag.";
        FlagSummary.Top top = FlagSummary.bySubject(flags, 1);
        BigDecimal amount = BigDecimal.ZERO;
        boolean any = false;
        int i = Tables.index(flags, "amount");
        for (List<Object> r : flags.rows()) {
            if (i >= 0 && r.get(i) instanceof Number n) {
                amount = amount.add(n instanceof BigDecimal b ? b : BigDecimal.valueOf(n.doubleValue()));
                any = true;
            }
        }
        return "The integrity checks raised " + Words.count(top.flags(), "flag", "flags") + " about "
                + Words.count(top.groups(), "agreement, partner or dataset", "agreements, partners and datasets")
                + (any ? ", concerning " + Words.money(amount, currency) + " in all" : "") + ". " + tail;
    }

    private static String people(Object count, String verb) {
        if (count instanceof Suppressed) {
            return verb + " a number of people that is suppressed ([c]) to protect their confidentiality";
        }
        if (count == null) return verb + " a number of people that is not available";
        return verb + " " + CellFormatter.display(count, ColumnType.COUNT) + " "
                + (count instanceof Number n && n.longValue() == 1 ? "person" : "people");
    }

    private static String date(ReportAssembler.Inputs in) {
        return CellFormatter.display(in.asOf(), ColumnType.DATE);
    }

    private static BigDecimal sum(DataTable t, String column) {
        if (t == null) return null;
        BigDecimal total = BigDecimal.ZERO;
        for (Double d : Tables.numbers(t, column)) if (d != null) total = total.add(BigDecimal.valueOf(d));
        return total;
    }

    private static long longSum(DataTable t, String column) {
        long n = 0;
        for (Double d : Tables.numbers(t, column)) if (d != null) n += Math.round(d);
        return n;
    }

    /** A share computed from two published figures, or null when either is missing or the denominator is 0. */
    private static BigDecimal ratio(Object num, Object den) {
        BigDecimal a = decimal(num);
        BigDecimal b = decimal(den);
        if (a == null || b == null || b.signum() == 0) return null;
        return a.divide(b, 10, RoundingMode.HALF_UP);
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal b) return b;
        if (v instanceof Number n) return BigDecimal.valueOf(n.doubleValue());
        return null;
    }
}
