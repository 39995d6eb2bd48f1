package org.glasshouse.report;

import static org.glasshouse.report.PageTables.col;
import static org.glasshouse.report.PageTables.computed;
import static org.glasshouse.report.PageTables.words;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.glasshouse.reports.model.Block;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Heading;
import org.glasshouse.reports.model.KeyFigure;
import org.glasshouse.reports.model.KeyFigures;
import org.glasshouse.reports.model.LinkList;
import org.glasshouse.reports.model.Page;
import org.glasshouse.reports.model.Paragraph;
import org.glasshouse.reports.model.ScreenOnly;
import org.glasshouse.reports.model.Suppressed;
import org.glasshouse.reports.model.TableBlock;

/**
 * One page per programme and one per partner, each built from the rows of every public table about it. The printed
 * report keeps each page's summary, key figures and main tables; trend charts, detail tables and link lists are
 * screen-only.
 */
final class EntityPages {

    private EntityPages() {}

    static List<String> programmeIds(ReportAssembler.Inputs in) {
        Set<String> ids = new LinkedHashSet<>();
        for (String t : List.of("programmes", "programme_metrics", "agreement_metrics")) {
            if (in.t(t) != null) ids.addAll(Tables.texts(in.t(t), "programme_id"));
        }
        return ids.stream().sorted().toList();
    }

    static List<String> partnerIds(ReportAssembler.Inputs in) {
        Set<String> ids = new LinkedHashSet<>();
        for (String t : List.of("partners", "partner_metrics", "agreement_metrics")) {
            if (in.t(t) != null) ids.addAll(Tables.texts(in.t(t), "partner_id"));
        }
        return ids.stream().sorted().toList();
    }

    static String programmeName(ReportAssembler.Inputs in, String id) {
        return name(in.t("programmes"), "programme_id", id);
    }

    static String partnerName(ReportAssembler.Inputs in, String id) {
        return name(in.t("partners"), "partner_id", id);
    }

    static String indicatorName(ReportAssembler.Inputs in, String id) {
        return name(in.t("indicators"), "indicator_id", id);
    }

    private static String name(DataTable ref, String key, String id) {
        List<Object> r = ref == null ? null : Tables.first(ref, key, id);
        String n = r == null ? "" : Tables.text(ref, r, "name");
        return n.isBlank() ? id : n;
    }

    static List<LinkList.Item> programmeLinks(ReportAssembler.Inputs in) {
        return programmeIds(in).stream().map(id -> new LinkList.Item(SiteNames.programmePage(id),
                programmeName(in, id), id)).toList();
    }

    static List<LinkList.Item> partnerLinks(ReportAssembler.Inputs in) {
        return partnerIds(in).stream().map(id -> new LinkList.Item(SiteNames.partnerPage(id),
                partnerName(in, id), id)).toList();
    }

    static List<Page> programmes(ReportAssembler.Inputs in) {
        List<Page> pages = new ArrayList<>();
        for (String id : programmeIds(in)) {
            String slug = SiteNames.slug(id);
            List<Block> b = new ArrayList<>();
            DataTable ag = in.t("agreement_metrics");
            DataTable mine = ag == null ? null : Tables.where(ag, "programme_id", id);
            List<String> agreementIds = mine == null ? List.of() : Tables.texts(mine, "agreement_id");
            b.add(new Paragraph(Summaries.programme(in, id, agreementIds)));
            String about = aboutProgramme(in, id);
            if (about != null) b.add(new Paragraph(about));
            DataTable pm = in.t("programme_metrics");
            List<Object> row = pm == null ? null : Tables.first(pm, "programme_id", id);
            if (row != null) {
                b.add(new KeyFigures(List.of(
                        ReportAssembler.money("Committed", Tables.value(pm, row, "committed"), in),
                        ReportAssembler.money("Paid out", Tables.value(pm, row, "disbursed"), in),
                        ReportAssembler.money("Spent", Tables.value(pm, row, "spent"), in),
                        new KeyFigure("People served", Tables.value(pm, row, "beneficiaries"), ColumnType.COUNT),
                        ReportAssembler.money("Cost per person", Tables.value(pm, row, "cost_per_beneficiary"), in))));
            }
            if (mine != null && !mine.rows().isEmpty()) {
                List<String> labels = new ArrayList<>();
                for (List<Object> r : mine.rows()) labels.add(agreementLabel(in, mine, r));
                b.add(new Heading(2, "Funding by agreement"));
                ReportAssembler.add(b, ReportCharts.funding("funding-" + slug, "Committed, paid out and spent by "
                        + "agreement", "Agreement", mine, "agreement_id", labels, in.currency()));
                b.add(new TableBlock(PageTables.view(mine, in.currency(),
                        computed("agreement", ColumnType.TEXT, r -> agreementLabel(in, mine, r)),
                        col(mine, "committed"), col(mine, "disbursed"), col(mine, "spent"),
                        col(mine, "beneficiaries"), col(mine, "cost_per_beneficiary")),
                        "Money and people per agreement"));
                List<Block> detail = new ArrayList<>();
                detail.add(new TableBlock(PageTables.view(mine, in.currency(),
                        computed("agreement", ColumnType.TEXT, r -> agreementLabel(in, mine, r)),
                        col(mine, "elapsed"), col(mine, "pace_index"), col(mine, "units"), col(mine, "cost_per_unit"),
                        col(mine, "priority_share"), col(mine, "notes")), "Pace and delivery per agreement"));
                detail.add(new Heading(2, "Cost per person served"));
                ReportAssembler.add(detail, ReportCharts.costAgainstMedian("cost-" + slug, mine, labels,
                        in.currency()));
                b.add(new ScreenOnly(detail));
            }
            DataTable reach = in.t("reach_breakdown");
            if (reach != null && !Tables.where(reach, "programme_id", id).rows().isEmpty()) {
                DataTable r = Tables.where(reach, "programme_id", id);
                b.add(new ScreenOnly(List.of(new Heading(2, "Who was served"),
                        new TableBlock(PageTables.view(r, in.currency(), words(r, "dimension"),
                        computed("value", ColumnType.TEXT, x -> group(in, r, x)), col(r, "beneficiaries"),
                        col(r, "share")), "People served by region, age band, sex and priority group"))));
            }
            outcomes(in, b, slug, agreementIds);
            impact(in, b, slug, id);
            List<LinkList.Item> links = new ArrayList<>();
            if (ag != null) {
                for (String p : new LinkedHashSet<>(Tables.texts(Tables.where(ag, "programme_id", id), "partner_id"))) {
                    links.add(new LinkList.Item(SiteNames.partnerPage(p), partnerName(in, p), p));
                }
            }
            b.add(new ScreenOnly(List.of(new Heading(2, "Partners of the programme"), new LinkList(links))));
            pages.add(new Page(SiteNames.programmePage(id), "Programme: " + programmeName(in, id), b, false, true));
        }
        return pages;
    }

    /** "Run by X in the employment sector from 1 April 2025 to 30 June 2027, with a budget of USD 4,000,000.00." */
    private static String aboutProgramme(ReportAssembler.Inputs in, String id) {
        DataTable ref = in.t("programmes");
        List<Object> r = ref == null ? null : Tables.first(ref, "programme_id", id);
        if (r == null) return null;
        StringBuilder s = new StringBuilder("Programme ").append(id);
        String agency = Tables.text(ref, r, "agency");
        if (!agency.isBlank()) s.append(", run by ").append(agency);
        String sector = Tables.text(ref, r, "sector");
        if (!sector.isBlank()) s.append(" in the ").append(sector.replace('_', ' ')).append(" sector");
        Object start = Tables.value(ref, r, "start_date");
        Object end = Tables.value(ref, r, "end_date");
        if (start != null && end != null) {
            s.append(", from ").append(Words.figure(start, ColumnType.DATE)).append(" to ")
                    .append(Words.figure(end, ColumnType.DATE));
        }
        Object budget = Tables.value(ref, r, "budget");
        if (budget != null) {
            s.append(", with a budget of ").append(Words.money(budget, Tables.text(ref, r, "currency")));
        }
        return s.append('.').toString();
    }

    /** "Northfield Community Trust (AGR-001)". */
    static String agreementLabel(ReportAssembler.Inputs in, DataTable t, List<Object> r) {
        return partnerName(in, Tables.text(t, r, "partner_id")) + " (" + Tables.text(t, r, "agreement_id") + ")";
    }

    /** A breakdown group in words: a region's name, "In the priority group", or the value itself. */
    private static Object group(ReportAssembler.Inputs in, DataTable t, List<Object> r) {
        String dimension = Tables.text(t, r, "dimension");
        String value = Tables.text(t, r, "value");
        if (dimension.equals("region")) return name(in.t("regions"), "region_code", value);
        if (dimension.equals("priority_group")) {
            return value.equals("true") ? "In the priority group" : value.equals("false") ? "Not in the priority group"
                    : value;
        }
        return value;
    }

    private static void outcomes(ReportAssembler.Inputs in, List<Block> b, String slug, List<String> agreementIds) {
        DataTable ir = in.t("indicator_results");
        if (ir == null) return;
        DataTable mine = Tables.whereIn(ir, "agreement_id", agreementIds);
        if (mine.rows().isEmpty()) return;
        b.add(new Heading(2, "Outcomes against targets"));
        DataTable latest = latestPeriod(mine);
        b.add(new TableBlock(outcomeTable(in, latest), "Latest period per agreement and indicator"));
        List<Block> trends = new ArrayList<>();
        ReportAssembler.add(trends, ReportCharts.attainment("attainment-" + slug, latest));
        for (String indicator : new LinkedHashSet<>(Tables.texts(mine, "indicator_id"))) {
            ReportAssembler.add(trends, ReportCharts.indicatorTrend("trend-" + slug + "-" + SiteNames.slug(indicator),
                    indicatorName(in, indicator), Tables.where(mine, "indicator_id", indicator)));
        }
        if (!trends.isEmpty()) b.add(new ScreenOnly(trends));
    }

    private static DataTable outcomeTable(ReportAssembler.Inputs in, DataTable latest) {
        return PageTables.view(latest, in.currency(), col(latest, "agreement_id"),
                computed("indicator_id", ColumnType.TEXT, r -> indicatorName(in, Tables.text(latest, r, "indicator_id"))),
                col(latest, "period"), col(latest, "target"), col(latest, "actual"), col(latest, "attainment"),
                words(latest, "status"));
    }

    /** The latest period's row per agreement and indicator (periods sort as text: YYYY-MM or YYYY-Qn). */
    static DataTable latestPeriod(DataTable t) {
        Map<String, List<Object>> latest = new TreeMap<>();
        for (List<Object> r : t.rows()) {
            String key = Tables.text(t, r, "agreement_id") + "\u0000" + Tables.text(t, r, "indicator_id");
            List<Object> cur = latest.get(key);
            if (cur == null || Tables.text(t, r, "period").compareTo(Tables.text(t, cur, "period")) > 0) {
                latest.put(key, r);
            }
        }
        return new DataTable(t.name(), t.title(), t.columns(), List.copyOf(latest.values()));
    }

    /** Impact estimates as a page shows them: names, the method in words, the interval as one range. */
    static DataTable impactTable(ReportAssembler.Inputs in, DataTable ie) {
        return PageTables.view(ie, in.currency(),
                computed("programme_id", ColumnType.TEXT, r -> programmeName(in, Tables.text(ie, r, "programme_id"))),
                computed("indicator_id", ColumnType.TEXT, r -> indicatorName(in, Tables.text(ie, r, "indicator_id"))),
                words(ie, "method"), col(ie, "estimate"),
                computed("interval", ColumnType.TEXT, r -> interval(ie, r)),
                col(ie, "n_participants"), col(ie, "p_value"));
    }

    private static Object interval(DataTable t, List<Object> r) {
        Object low = Tables.value(t, r, "ci_low");
        Object high = Tables.value(t, r, "ci_high");
        if (low instanceof Suppressed || high instanceof Suppressed) return Suppressed.INSTANCE;
        if (low == null || high == null) return null;
        return Words.figure(low, ColumnType.NUMBER) + " to " + Words.figure(high, ColumnType.NUMBER);
    }

    private static void impact(ReportAssembler.Inputs in, List<Block> b, String slug, String programmeId) {
        DataTable ie = in.t("impact_estimates");
        if (ie == null || Tables.where(ie, "programme_id", programmeId).rows().isEmpty()) return;
        b.add(new Heading(2, "Impact estimates"));
        b.add(new TableBlock(impactTable(in, Tables.where(ie, "programme_id", programmeId)),
                "Impact estimates, this release"));
        DataTable hist = in.impactHistory() == null ? ie : in.impactHistory();
        DataTable mine = Tables.where(hist, "programme_id", programmeId);
        Map<String, List<List<Object>>> series = new TreeMap<>();
        for (List<Object> r : mine.rows()) {
            series.computeIfAbsent(Tables.text(mine, r, "indicator_id") + " " + Tables.text(mine, r, "method"),
                    x -> new ArrayList<>()).add(r);
        }
        List<Block> charts = new ArrayList<>();
        for (var e : series.entrySet()) {
            List<List<Object>> rows = new ArrayList<>(e.getValue());
            rows.sort((x, y) -> Tables.text(mine, x, "as_of").compareTo(Tables.text(mine, y, "as_of")));
            List<Object> first = rows.get(0);
            String label = indicatorName(in, Tables.text(mine, first, "indicator_id")) + ", "
                    + String.valueOf(Words.value("method", Tables.text(mine, first, "method"))).toLowerCase(java.util.Locale.ROOT);
            ReportAssembler.add(charts, ReportCharts.impactTrend("impact-" + slug + "-" + SiteNames.slug(e.getKey()),
                    label, rows.stream().map(r -> Tables.text(mine, r, "as_of")).toList(),
                    rows.stream().map(r -> Tables.number(mine, r, "estimate")).toList(),
                    rows.stream().map(r -> Tables.number(mine, r, "ci_low")).toList(),
                    rows.stream().map(r -> Tables.number(mine, r, "ci_high")).toList()));
        }
        if (!charts.isEmpty()) b.add(new ScreenOnly(charts));
    }

    static List<Page> partners(ReportAssembler.Inputs in) {
        List<Page> pages = new ArrayList<>();
        int maxFlags = in.pages() == null ? 25 : in.pages().flagsPerPage();
        // Flags by the partner they concern, once (there can be hundreds of thousands): a flag about a partner's
        // dataset names it "partner/dataset".
        DataTable flags = in.t("integrity_flags");
        Map<String, List<List<Object>>> flagsBySubject = new java.util.HashMap<>();
        int si = flags == null ? -1 : Tables.index(flags, "subject_id");
        if (si >= 0) {
            for (List<Object> r : flags.rows()) {
                String subject = String.valueOf(r.get(si));
                int slash = subject.indexOf('/');
                flagsBySubject.computeIfAbsent(slash < 0 ? subject : subject.substring(0, slash), k -> new ArrayList<>())
                        .add(r);
            }
        }
        for (String id : partnerIds(in)) {
            String slug = SiteNames.slug(id);
            String name = partnerName(in, id);
            List<Block> b = new ArrayList<>();
            DataTable ag = in.t("agreement_metrics");
            DataTable mine = ag == null ? null : Tables.where(ag, "partner_id", id);
            List<String> agreementIds = mine == null ? List.of() : Tables.texts(mine, "agreement_id");
            DataTable myFlags = null;
            if (flags != null) {
                List<List<Object>> rows = new ArrayList<>(flagsBySubject.getOrDefault(id, List.of()));
                for (String a : agreementIds) rows.addAll(flagsBySubject.getOrDefault(a, List.of()));
                myFlags = new DataTable(flags.name(), flags.title(), flags.columns(), rows);
            }
            b.add(new Paragraph(Summaries.partner(in, id, agreementIds, myFlags)));
            DataTable pm = in.t("partner_metrics");
            List<Object> row = pm == null ? null : Tables.first(pm, "partner_id", id);
            if (row != null) {
                b.add(new KeyFigures(List.of(
                        ReportAssembler.money("Committed", Tables.value(pm, row, "committed"), in),
                        ReportAssembler.money("Paid out", Tables.value(pm, row, "disbursed"), in),
                        ReportAssembler.money("Spent", Tables.value(pm, row, "spent"), in),
                        new KeyFigure("People served", Tables.value(pm, row, "beneficiaries"), ColumnType.COUNT),
                        ReportAssembler.money("Cost per person", Tables.value(pm, row, "cost_per_beneficiary"), in))));
            }
            if (mine != null && !mine.rows().isEmpty()) {
                b.add(new Heading(2, "Agreements"));
                b.add(new TableBlock(PageTables.view(mine, in.currency(), col(mine, "agreement_id"),
                        computed("programme_id", ColumnType.TEXT, r -> programmeName(in, Tables.text(mine, r,
                                "programme_id"))),
                        col(mine, "committed"), col(mine, "disbursed"), col(mine, "spent"),
                        col(mine, "beneficiaries")), "Money and people per agreement"));
                List<Block> chart = new ArrayList<>();
                ReportAssembler.add(chart, ReportCharts.funding("funding-partner-" + slug, "Committed, paid out "
                        + "and spent by agreement", "Agreement", mine, "agreement_id",
                        Tables.texts(mine, "agreement_id"), in.currency()));
                if (!chart.isEmpty()) b.add(new ScreenOnly(chart));
            }
            DataTable ir = in.t("indicator_results");
            if (ir != null && !Tables.whereIn(ir, "agreement_id", agreementIds).rows().isEmpty()) {
                b.add(new Heading(2, "Outcomes against targets"));
                b.add(new TableBlock(outcomeTable(in, latestPeriod(Tables.whereIn(ir, "agreement_id", agreementIds))),
                        "Latest period per agreement and indicator"));
            }
            if (myFlags != null) {
                b.add(new Heading(2, "Integrity flags"));
                if (myFlags.rows().isEmpty()) {
                    b.add(new Paragraph("No integrity check raised a flag about this partner or its agreements."));
                } else {
                    FlagSummary.Top byCheck = FlagSummary.byCheck(myFlags, maxFlags);
                    b.add(new TableBlock(FlagSummary.checkTable(byCheck, in.currency(), true),
                            "Flags about this partner and its agreements, by check"));
                    b.add(new Paragraph(ReportAssembler.fullList(FlagSummary.bySubject(myFlags, 0))));
                }
            }
            DataTable benford = in.t("benford_digits");
            if (benford != null) {
                List<Block> chart = new ArrayList<>();
                ReportAssembler.add(chart, ReportCharts.benford("benford-" + slug, name,
                        Tables.where(benford, "partner_id", id)));
                if (!chart.isEmpty()) b.add(new ScreenOnly(chart));
            }
            DataTable dq = in.t("data_quality");
            if (dq != null && !Tables.where(dq, "partner_id", id).rows().isEmpty()) {
                DataTable d = Tables.where(dq, "partner_id", id);
                b.add(new Heading(2, "Data quality"));
                b.add(new TableBlock(PageTables.view(d, in.currency(), col(d, "dataset"), col(d, "rows_read"),
                        col(d, "acceptance_rate"), col(d, "errors_per_1000"), col(d, "days_late"),
                        col(d, "missing_months")), "Submissions per dataset"));
            }
            if (ag != null) {
                List<LinkList.Item> links = new ArrayList<>();
                for (String p : new LinkedHashSet<>(Tables.texts(Tables.where(ag, "partner_id", id), "programme_id"))) {
                    links.add(new LinkList.Item(SiteNames.programmePage(p), programmeName(in, p), p));
                }
                b.add(new ScreenOnly(List.of(new Heading(2, "Programmes"), new LinkList(links))));
            }
            pages.add(new Page(SiteNames.partnerPage(id), "Partner: " + name, b, false, true));
        }
        return pages;
    }
}
