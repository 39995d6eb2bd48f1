package org.glasshouse.report;

import static org.glasshouse.report.PageTables.col;
import static org.glasshouse.report.PageTables.computed;
import static org.glasshouse.report.PageTables.words;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glasshouse.reports.model.Block;
import org.glasshouse.reports.model.Chart;
import org.glasshouse.reports.model.ChartBlock;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Heading;
import org.glasshouse.reports.model.KeyFigure;
import org.glasshouse.reports.model.KeyFigures;
import org.glasshouse.reports.model.LinkList;
import org.glasshouse.reports.model.Page;
import org.glasshouse.reports.model.Paragraph;
import org.glasshouse.reports.model.PrintOnly;
import org.glasshouse.reports.model.Report;
import org.glasshouse.reports.model.ScreenOnly;
import org.glasshouse.reports.model.TableBlock;

/**
 * Turns the (already disclosure-controlled) public tables into the report model: overview, a page per programme and
 * per partner, data quality, methodology, downloads and changes. Each page opens with sentences written from its
 * figures ({@link Summaries}) and shows a few labelled columns per table ({@link PageTables}); the open data keep every
 * column. The PDF holds the overview, programmes, partners, data quality and methodology, without the screen-only
 * detail, so neither pages nor PDF grow with the rows: integrity flags are summarised ({@link FlagSummary}) and the
 * full lists are in the open data. Sections whose table is absent are left out, so the same code serves releases with
 * more or fewer tables.
 */
public final class ReportAssembler {

    /** Files every release has beside the pages and tables (links on the downloads page). */
    public static final String PDF = "report.pdf";
    public static final String DATAPACKAGE = "datapackage.json";
    public static final String DCAT = "data.json";
    public static final String MANIFEST = "manifest.json";
    public static final String CHECKSUMS = "SHA256SUMS";
    /** The sector-standard files of every release (written by release.standards). */
    public static final String GRANTS_JSON = "standards/360giving-grants.json";
    public static final String GRANTS_CSV = "standards/360giving-grants.csv";
    public static final String IATI_XML = "standards/iati-activities.xml";

    /**
     * @param tables        the disclosure-controlled public tables by name, reference tables included
     * @param methodology   metric definitions for the methodology page
     * @param changes       comparison with the previous release
     * @param impactHistory impact_estimates across as-of dates (disclosure-controlled), or null
     * @param disclosure    the disclosure-control audit of the release, or null
     * @param pages         what every page offers (report-an-error route) and how long its lists may be
     */
    public record Inputs(String title, LocalDate asOf, String runId, String currency, int k,
                         Map<String, DataTable> tables, List<MethodologyEntry> methodology, ReleaseChanges changes,
                         DataTable impactHistory, org.glasshouse.report.sdc.DisclosureAudit disclosure,
                         PageSettings pages) {
        DataTable t(String name) { return tables.get(name); }
    }

    private ReportAssembler() {}

    public static Report assemble(Inputs in) {
        List<Page> pages = new ArrayList<>();
        // Report order is the PDF's order; the navigation lists only the pages marked for it.
        pages.add(new Page("index.html", in.title(), overview(in), true, true));
        pages.addAll(EntityPages.programmes(in));
        pages.addAll(EntityPages.partners(in));
        pages.add(new Page("data-quality.html", "Data quality and integrity", dataQuality(in), true, true));
        pages.add(new Page("methodology.html", "Methodology", methodology(in), true, true));
        pages.add(new Page("downloads.html", "Downloads", downloads(in), true, false));
        pages.add(new Page("changes.html", "Changes since the previous release", Corrections.blocks(in), true, false));
        List<DataTable> open = new ArrayList<>(in.tables().values());
        if (in.changes() != null && in.changes().log() != null) open.add(in.changes().log());
        return new Report(in.title(), in.asOf(), in.runId(), pages, open,
                in.pages() == null ? null : in.pages().reportError());
    }

    private static List<Block> overview(Inputs in) {
        List<Block> b = new ArrayList<>();
        b.add(new Paragraph(Summaries.overview(in)));
        DataTable programmes = in.t("programme_metrics");
        DataTable overall = in.t("overall_metrics");
        if (programmes != null) {
            List<Object> o = overall == null || overall.rows().isEmpty() ? null : overall.rows().get(0);
            List<KeyFigure> figures = new ArrayList<>();
            figures.add(money("Committed", o != null ? Tables.value(overall, o, "committed")
                    : Tables.total(Tables.numbers(programmes, "committed")), in));
            figures.add(money("Paid out", o != null ? Tables.value(overall, o, "disbursed")
                    : Tables.total(Tables.numbers(programmes, "disbursed")), in));
            figures.add(money("Spent", o != null ? Tables.value(overall, o, "spent")
                    : Tables.total(Tables.numbers(programmes, "spent")), in));
            if (o != null) figures.add(new KeyFigure("People served", Tables.value(overall, o, "beneficiaries"),
                    ColumnType.COUNT));
            figures.add(new KeyFigure("Programmes", (long) programmes.rows().size(), ColumnType.COUNT));
            if (in.t("agreement_metrics") != null) {
                figures.add(new KeyFigure("Agreements", (long) in.t("agreement_metrics").rows().size(),
                        ColumnType.COUNT));
            }
            b.add(new KeyFigures(figures));
            b.add(new Heading(2, "Funding by programme"));
            List<String> names = Tables.texts(programmes, "programme_id").stream()
                    .map(id -> EntityPages.programmeName(in, id)).toList();
            add(b, ReportCharts.funding("funding-by-programme", "Committed, paid out and spent by programme",
                    "Programme", programmes, "programme_id", names, in.currency()));
            b.add(new TableBlock(PageTables.view(programmes, in.currency(),
                    computed("programme_id", ColumnType.TEXT, r -> EntityPages.programmeName(in,
                            Tables.text(programmes, r, "programme_id"))),
                    col(programmes, "committed"), col(programmes, "disbursed"), col(programmes, "spent"),
                    col(programmes, "absorption_rate"), col(programmes, "beneficiaries"),
                    col(programmes, "cost_per_beneficiary")), "Money and people per programme"));
        }
        // The PDF's contents page lists the programmes and partners; the web page links them.
        b.add(new ScreenOnly(List.of(new Heading(2, "Programmes"), new LinkList(EntityPages.programmeLinks(in)),
                new Heading(2, "Partners"), new LinkList(EntityPages.partnerLinks(in)))));
        DataTable impact = in.t("impact_estimates");
        if (impact != null) {
            b.add(new Heading(2, "Impact estimates"));
            b.add(new Paragraph("How outcome indicators changed for participants measured before and after the "
                    + "service, and, where a comparison group was measured, how much more they changed than people "
                    + "who were not served. The 95% interval is the range the true change plausibly lies in."));
            b.add(new TableBlock(EntityPages.impactTable(in, impact), "Impact estimates per programme and indicator"));
        }
        return b;
    }

    static KeyFigure money(String label, Object value, Inputs in) {
        return new KeyFigure(label, value, ColumnType.MONEY, in.currency());
    }

    private static List<Block> dataQuality(Inputs in) {
        List<Block> b = new ArrayList<>();
        b.add(new Paragraph(Summaries.dataQuality(in)));
        DataTable dq = in.t("data_quality");
        b.add(new Heading(2, "Submissions"));
        if (dq == null) {
            b.add(new Paragraph("Data-quality figures are not part of this release."));
        } else {
            b.add(new TableBlock(PageTables.view(dq, in.currency(),
                    computed("partner_id", ColumnType.TEXT, r -> EntityPages.partnerName(in,
                            Tables.text(dq, r, "partner_id"))),
                    col(dq, "dataset"), col(dq, "rows_read"), col(dq, "acceptance_rate"),
                    col(dq, "errors_per_1000"), col(dq, "days_late"), col(dq, "missing_months")),
                    "Rows sent and accepted per partner and dataset"));
        }
        DataTable flags = in.t("integrity_flags");
        b.add(new Heading(2, "Integrity flags"));
        if (flags == null) {
            b.add(new Paragraph("Integrity flags are not part of this release."));
        } else if (flags.rows().isEmpty()) {
            b.add(new Paragraph("No integrity check raised a flag."));
        } else {
            int max = in.pages() == null ? 25 : in.pages().flagsPerPage();
            FlagSummary.Top byCheck = FlagSummary.byCheck(flags, Integer.MAX_VALUE);
            b.add(new TableBlock(FlagSummary.checkTable(byCheck, in.currency(), true), "Flags by check"));
            FlagSummary.Top bySubject = FlagSummary.bySubject(flags, max);
            b.add(new Heading(3, "Flags by subject, the most money concerned first"));
            b.add(new TableBlock(FlagSummary.subjectTable(bySubject, in.currency(), (t, id) -> subject(in, t, id)),
                    bySubject.shown().size() < bySubject.groups()
                            ? "The " + bySubject.shown().size() + " subjects with the strongest flags, of "
                            + bySubject.groups() : "Every flagged subject"));
            b.add(new Paragraph(fullList(bySubject)));
        }
        List<Block> detail = new ArrayList<>();
        DataTable benford = in.t("benford_tests");
        if (benford != null && !benford.rows().isEmpty()) {
            detail.add(new Heading(2, "First-digit (Benford) tests"));
            detail.add(new TableBlock(PageTables.view(benford, in.currency(),
                    computed("partner_id", ColumnType.TEXT, r -> EntityPages.partnerName(in,
                            Tables.text(benford, r, "partner_id"))),
                    col(benford, "n"), col(benford, "mad"), col(benford, "conformity"), col(benford, "p_value")),
                    "First digits of each partner's expenditure amounts against Benford's law"));
        }
        DataTable quartiles = in.t("cost_quartiles");
        if (quartiles != null && !quartiles.rows().isEmpty()) {
            detail.add(new Heading(2, "Cost per person: spread within each programme"));
            detail.add(new TableBlock(PageTables.view(quartiles, in.currency(),
                    computed("programme_id", ColumnType.TEXT, r -> EntityPages.programmeName(in,
                            Tables.text(quartiles, r, "programme_id"))),
                    col(quartiles, "n"), col(quartiles, "q1"), col(quartiles, "median"), col(quartiles, "q3"),
                    col(quartiles, "upper_fence")), "Quartiles of the agreements' cost per person"));
        }
        if (!detail.isEmpty()) b.add(new ScreenOnly(detail));
        return b;
    }

    /** Where the flags not shown are: the open data, always. */
    static String fullList(FlagSummary.Top top) {
        return "All " + Words.count(top.flags(), "flag", "flags") + " about "
                + Words.count(top.groups(), "subject", "subjects") + ", each with its evidence and threshold, are in "
                + "the open-data table integrity_flags (data/integrity_flags.csv) on the downloads page.";
    }

    /** A flag's subject in words: the agreement with its partner, the partner, or the partner's dataset. */
    static String subject(Inputs in, String type, String id) {
        switch (type) {
            case "agreement" -> {
                DataTable ag = in.t("agreement_metrics");
                List<Object> r = ag == null ? null : Tables.first(ag, "agreement_id", id);
                return r == null ? "Agreement " + id
                        : "Agreement " + id + " (" + EntityPages.partnerName(in, Tables.text(ag, r, "partner_id")) + ")";
            }
            case "partner" -> {
                return EntityPages.partnerName(in, id);
            }
            case "partner_dataset" -> {
                int slash = id.indexOf('/');
                return slash < 0 ? id : EntityPages.partnerName(in, id.substring(0, slash)) + ", "
                        + id.substring(slash + 1);
            }
            default -> {
                return id;
            }
        }
    }

    private static List<Block> methodology(Inputs in) {
        List<Block> b = new ArrayList<>();
        b.add(new Paragraph(Summaries.methodology(in)));
        b.add(new Paragraph("All money is in " + in.currency() + ", converted with the agency's monthly exchange "
                + "rates where a partner reported in another currency. Figures count activity dated on or before "
                + "the as-of date, " + Words.figure(in.asOf(), ColumnType.DATE) + "."));
        b.add(new Heading(2, "Metrics"));
        b.add(new ScreenOnly(List.of(new TableBlock(Methodology.table(in.methodology(), true),
                "What each figure means and how it is computed"))));
        b.add(new PrintOnly(List.of(new TableBlock(Methodology.table(in.methodology(), false),
                "What each figure means and how it is computed (the special cases of each are on the web page)"))));
        b.add(new Paragraph("A figure whose denominator is zero or missing is left empty and the notes column "
                + "says why."));
        b.addAll(DisclosureMethodology.blocks(in.k(), in.disclosure()));
        b.add(new Heading(2, "Corrections"));
        b.add(new Paragraph("Each release is compared with the one before it, figure by figure; the changes page "
                + "lists every figure that changed, from what to what, and why (a partner's new or resubmitted file, "
                + "a change to the validation rules or thresholds, a later as-of date, or disclosure control). The "
                + "log is also published as open data (corrections)."));
        return b;
    }

    private static List<Block> downloads(Inputs in) {
        List<Block> b = new ArrayList<>();
        b.add(new Paragraph(Summaries.downloads(in)));
        b.add(new Paragraph("A cell shown as [c] is suppressed (see the methodology page). Text cells that begin "
                + "with = + - or @ carry a leading apostrophe in the CSV so spreadsheets do not run them."));
        b.add(new Heading(2, "Tables"));
        List<LinkList.Item> items = new ArrayList<>();
        List<DataTable> tables = new ArrayList<>(in.tables().values());
        if (in.changes() != null && in.changes().log() != null) tables.add(in.changes().log());
        for (DataTable t : tables) {
            String note = t.title() + ", " + Words.count(t.rows().size(), "row", "rows");
            items.add(new LinkList.Item("data/" + t.name() + ".csv", t.name() + ".csv", note));
            items.add(new LinkList.Item("data/" + t.name() + ".json", t.name() + ".json", null));
            items.add(new LinkList.Item("data/" + t.name() + ".parquet", t.name() + ".parquet", null));
        }
        b.add(new LinkList(items));
        if (hasAgreements(in)) {
            b.add(new Heading(2, "In the sector's standards"));
            b.add(new LinkList(List.of(
                new LinkList.Item(GRANTS_JSON, "360giving-grants.json",
                        "the agreements as 360Giving grants (JSON package, standard 1.4), for GrantNav"),
                new LinkList.Item(GRANTS_CSV, "360giving-grants.csv", "the same grants as the flattened 360Giving CSV"),
                new LinkList.Item(IATI_XML, "iati-activities.xml",
                        "programmes and agreements as IATI 2.03 activities, with transactions and results"))));
        }
        b.add(new Heading(2, "The whole release"));
        b.add(new LinkList(List.of(
                new LinkList.Item(PDF, "The report as one PDF", "summary, programmes, partners, data quality and "
                        + "methodology"),
                new LinkList.Item(DATAPACKAGE, DATAPACKAGE, "Frictionless data package: files, checksums, schemas"),
                new LinkList.Item(DCAT, DCAT, "DCAT-US 1.1 catalogue for open-data portals"),
                new LinkList.Item(MANIFEST, MANIFEST, "Run, as-of date, input checksums, pipeline and rule versions"),
                new LinkList.Item(CHECKSUMS, CHECKSUMS, "Verify with: sha256sum -c SHA256SUMS"))));
        return b;
    }

    /** The standards files exist only when the release has agreements (a grant package needs at least one). */
    static boolean hasAgreements(Inputs in) {
        DataTable a = in.t("agreement_metrics") != null ? in.t("agreement_metrics") : in.t("agreements");
        return a != null && !a.rows().isEmpty();
    }

    static void add(List<Block> blocks, Chart chart) {
        if (chart != null) blocks.add(new ChartBlock(chart));
    }
}
