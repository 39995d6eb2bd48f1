package org.glasshouse.report;

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
import org.glasshouse.reports.model.TableBlock;

/** One page per programme and one per partner, each built from the rows of every public table about it. */
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
        List<Object> r = in.t("programmes") == null ? null : Tables.first(in.t("programmes"), "programme_id", id);
        return r == null ? id : Tables.text(in.t("programmes"), r, "name");
    }

    static String partnerName(ReportAssembler.Inputs in, String id) {
        List<Object> r = in.t("partners") == null ? null : Tables.first(in.t("partners"), "partner_id", id);
        return r == null ? id : Tables.text(in.t("partners"), r, "name");
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
            DataTable ref = in.t("programmes");
            if (ref != null && Tables.first(ref, "programme_id", id) != null) {
                b.add(new TableBlock(Tables.where(ref, "programme_id", id), "About the programme"));
            }
            DataTable pm = in.t("programme_metrics");
            List<Object> row = pm == null ? null : Tables.first(pm, "programme_id", id);
            if (row != null) {
                b.add(new KeyFigures(List.of(
                        new KeyFigure("Committed", Tables.value(pm, row, "committed"), ColumnType.MONEY),
                        new KeyFigure("Spent", Tables.value(pm, row, "spent"), ColumnType.MONEY),
                        new KeyFigure("People served", Tables.value(pm, row, "beneficiaries"), ColumnType.COUNT),
                        new KeyFigure("Cost per beneficiary", Tables.value(pm, row, "cost_per_beneficiary"),
                                ColumnType.MONEY))));
            }
            DataTable ag = in.t("agreement_metrics");
            List<String> agreementIds = List.of();
            if (ag != null) {
                DataTable mine = Tables.where(ag, "programme_id", id);
                agreementIds = Tables.texts(mine, "agreement_id");
                if (!mine.rows().isEmpty()) {
                    List<String> labels = new ArrayList<>();
                    for (List<Object> r : mine.rows()) {
                        labels.add(partnerName(in, Tables.text(mine, r, "partner_id")) + " ("
                                + Tables.text(mine, r, "agreement_id") + ")");
                    }
                    b.add(new Heading(2, "Funding by agreement"));
                    ReportAssembler.add(b, ReportCharts.funding("funding-" + slug, "Committed, disbursed and spent "
                            + "by agreement", "Agreement", mine, "agreement_id", labels, in.currency()));
                    b.add(new Heading(2, "Cost per beneficiary"));
                    ReportAssembler.add(b, ReportCharts.costAgainstMedian("cost-" + slug, mine, labels,
                            in.currency()));
                    b.add(new TableBlock(mine, "Money and delivery per agreement"));
                }
            }
            DataTable reach = in.t("reach_breakdown");
            if (reach != null && !Tables.where(reach, "programme_id", id).rows().isEmpty()) {
                b.add(new Heading(2, "Who was served"));
                b.add(new TableBlock(Tables.where(reach, "programme_id", id), "People served by region, age band, "
                        + "sex and priority group"));
            }
            outcomes(in, b, slug, agreementIds);
            impact(in, b, slug, id);
            b.add(new Heading(2, "Partners of the programme"));
            List<LinkList.Item> links = new ArrayList<>();
            if (ag != null) {
                for (String p : new LinkedHashSet<>(Tables.texts(Tables.where(ag, "programme_id", id), "partner_id"))) {
                    links.add(new LinkList.Item(SiteNames.partnerPage(p), partnerName(in, p), p));
                }
            }
            b.add(new LinkList(links));
            pages.add(new Page(SiteNames.programmePage(id), "Programme: " + programmeName(in, id), b, false));
        }
        return pages;
    }

    private static void outcomes(ReportAssembler.Inputs in, List<Block> b, String slug, List<String> agreementIds) {
        DataTable ir = in.t("indicator_results");
        if (ir == null) return;
        DataTable mine = Tables.whereIn(ir, "agreement_id", agreementIds);
        if (mine.rows().isEmpty()) return;
        b.add(new Heading(2, "Outcomes against targets"));
        DataTable latest = latestPeriod(mine);
        ReportAssembler.add(b, ReportCharts.attainment("attainment-" + slug, latest));
        b.add(new TableBlock(latest, "Latest period per agreement and indicator"));
        for (String indicator : new LinkedHashSet<>(Tables.texts(mine, "indicator_id"))) {
            ReportAssembler.add(b, ReportCharts.indicatorTrend("trend-" + slug + "-" + SiteNames.slug(indicator),
                    indicator, Tables.where(mine, "indicator_id", indicator)));
        }
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

    private static void impact(ReportAssembler.Inputs in, List<Block> b, String slug, String programmeId) {
        DataTable ie = in.t("impact_estimates");
        if (ie == null || Tables.where(ie, "programme_id", programmeId).rows().isEmpty()) return;
        b.add(new Heading(2, "Impact estimates"));
        DataTable hist = in.impactHistory() == null ? ie : in.impactHistory();
        DataTable mine = Tables.where(hist, "programme_id", programmeId);
        Map<String, List<List<Object>>> series = new TreeMap<>();
        for (List<Object> r : mine.rows()) {
            series.computeIfAbsent(Tables.text(mine, r, "indicator_id") + " " + Tables.text(mine, r, "method"),
                    x -> new ArrayList<>()).add(r);
        }
        for (var e : series.entrySet()) {
            List<List<Object>> rows = new ArrayList<>(e.getValue());
            rows.sort((x, y) -> Tables.text(mine, x, "as_of").compareTo(Tables.text(mine, y, "as_of")));
            ReportAssembler.add(b, ReportCharts.impactTrend("impact-" + slug + "-" + SiteNames.slug(e.getKey()),
                    e.getKey(), rows.stream().map(r -> Tables.text(mine, r, "as_of")).toList(),
                    rows.stream().map(r -> Tables.number(mine, r, "estimate")).toList(),
                    rows.stream().map(r -> Tables.number(mine, r, "ci_low")).toList(),
                    rows.stream().map(r -> Tables.number(mine, r, "ci_high")).toList()));
        }
        b.add(new TableBlock(Tables.where(ie, "programme_id", programmeId), "Impact estimates, this release"));
    }

    static List<Page> partners(ReportAssembler.Inputs in) {
        List<Page> pages = new ArrayList<>();
        for (String id : partnerIds(in)) {
            String slug = SiteNames.slug(id);
            String name = partnerName(in, id);
            List<Block> b = new ArrayList<>();
            DataTable ref = in.t("partners");
            if (ref != null && Tables.first(ref, "partner_id", id) != null) {
                b.add(new TableBlock(Tables.where(ref, "partner_id", id), "About the partner"));
            }
            DataTable pm = in.t("partner_metrics");
            if (pm != null && Tables.first(pm, "partner_id", id) != null) {
                b.add(new TableBlock(Tables.where(pm, "partner_id", id), "Money and delivery, all agreements"));
            }
            DataTable ag = in.t("agreement_metrics");
            List<String> agreementIds = List.of();
            if (ag != null) {
                DataTable mine = Tables.where(ag, "partner_id", id);
                agreementIds = Tables.texts(mine, "agreement_id");
                if (!mine.rows().isEmpty()) {
                    b.add(new Heading(2, "Agreements"));
                    ReportAssembler.add(b, ReportCharts.funding("funding-partner-" + slug, "Committed, disbursed "
                            + "and spent by agreement", "Agreement", mine, "agreement_id",
                            Tables.texts(mine, "agreement_id"), in.currency()));
                    b.add(new TableBlock(mine, "Money and delivery per agreement"));
                }
            }
            DataTable ir = in.t("indicator_results");
            if (ir != null && !Tables.whereIn(ir, "agreement_id", agreementIds).rows().isEmpty()) {
                b.add(new Heading(2, "Outcomes against targets"));
                b.add(new TableBlock(latestPeriod(Tables.whereIn(ir, "agreement_id", agreementIds)),
                        "Latest period per agreement and indicator"));
            }
            DataTable flags = in.t("integrity_flags");
            if (flags != null) {
                List<String> subjects = new ArrayList<>(agreementIds);
                subjects.add(id);
                DataTable mine = Tables.whereIn(flags, "subject_id", subjects);
                b.add(new Heading(2, "Integrity flags"));
                b.add(mine.rows().isEmpty() ? new Paragraph("No integrity check raised a flag for this partner.")
                        : new TableBlock(mine, "Integrity flags with their evidence and threshold"));
            }
            DataTable benford = in.t("benford_digits");
            if (benford != null) {
                ReportAssembler.add(b, ReportCharts.benford("benford-" + slug, name,
                        Tables.where(benford, "partner_id", id)));
            }
            DataTable dq = in.t("data_quality");
            if (dq != null && !Tables.where(dq, "partner_id", id).rows().isEmpty()) {
                b.add(new Heading(2, "Data quality"));
                b.add(new TableBlock(Tables.where(dq, "partner_id", id), "Submissions per dataset"));
            }
            if (ag != null) {
                b.add(new Heading(2, "Programmes"));
                List<LinkList.Item> links = new ArrayList<>();
                for (String p : new LinkedHashSet<>(Tables.texts(Tables.where(ag, "partner_id", id), "programme_id"))) {
                    links.add(new LinkList.Item(SiteNames.programmePage(p), programmeName(in, p), p));
                }
                b.add(new LinkList(links));
            }
            pages.add(new Page(SiteNames.partnerPage(id), "Partner: " + name, b, false));
        }
        return pages;
    }
}
