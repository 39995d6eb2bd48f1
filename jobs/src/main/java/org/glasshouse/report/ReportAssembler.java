package org.glasshouse.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glasshouse.reports.model.Block;
import org.glasshouse.reports.model.Chart;
import org.glasshouse.reports.model.ChartBlock;
import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Heading;
import org.glasshouse.reports.model.KeyFigure;
import org.glasshouse.reports.model.KeyFigures;
import org.glasshouse.reports.model.LinkList;
import org.glasshouse.reports.model.Page;
import org.glasshouse.reports.model.Paragraph;
import org.glasshouse.reports.model.Report;
import org.glasshouse.reports.model.TableBlock;

/**
 * Turns the (already disclosure-controlled) public tables into the report model: overview, a page per programme and
 * per partner, data quality, methodology, downloads and changes. Sections whose table is absent are left out, so the
 * same code serves releases with more or fewer tables.
 */
public final class ReportAssembler {

    /** Files every release has beside the pages and tables (links on the downloads page). */
    public static final String PDF = "report.pdf";
    public static final String DATAPACKAGE = "datapackage.json";
    public static final String DCAT = "data.json";
    public static final String MANIFEST = "manifest.json";
    public static final String CHECKSUMS = "SHA256SUMS";

    /**
     * @param tables        the disclosure-controlled public tables by name, reference tables included
     * @param methodology   metric definitions for the methodology page
     * @param changes       comparison with the previous release
     * @param impactHistory impact_estimates across as-of dates (disclosure-controlled), or null
     * @param disclosure    the disclosure-control audit of the release, or null
     */
    public record Inputs(String title, LocalDate asOf, String runId, String currency, int k,
                         Map<String, DataTable> tables, List<MethodologyEntry> methodology, ReleaseChanges changes,
                         DataTable impactHistory, org.glasshouse.report.sdc.DisclosureAudit disclosure) {
        DataTable t(String name) { return tables.get(name); }
    }

    private ReportAssembler() {}

    public static Report assemble(Inputs in) {
        List<Page> pages = new ArrayList<>();
        pages.add(new Page("index.html", in.title(), overview(in)));
        pages.add(new Page("data-quality.html", "Data quality and integrity", dataQuality(in)));
        pages.add(new Page("methodology.html", "Methodology", methodology(in)));
        pages.add(new Page("downloads.html", "Downloads", downloads(in)));
        pages.add(new Page("changes.html", "Changes since the previous release", changes(in)));
        pages.addAll(EntityPages.programmes(in));
        pages.addAll(EntityPages.partners(in));
        return new Report(in.title(), in.asOf(), in.runId(), pages, List.copyOf(in.tables().values()));
    }

    private static List<Block> overview(Inputs in) {
        List<Block> b = new ArrayList<>();
        b.add(new Paragraph("Where the money went, who was served and what changed, for every programme and "
                + "partner, as of " + in.asOf() + ". Amounts are in " + in.currency() + ". Every figure can be "
                + "recomputed from the open data on the downloads page."));
        DataTable programmes = in.t("programme_metrics");
        DataTable agreements = in.t("agreement_metrics");
        if (programmes != null) {
            List<KeyFigure> figures = new ArrayList<>(List.of(
                    new KeyFigure("Committed", Tables.total(Tables.numbers(programmes, "committed")), ColumnType.MONEY),
                    new KeyFigure("Disbursed", Tables.total(Tables.numbers(programmes, "disbursed")), ColumnType.MONEY),
                    new KeyFigure("Spent", Tables.total(Tables.numbers(programmes, "spent")), ColumnType.MONEY),
                    new KeyFigure("Programmes", (long) programmes.rows().size(), ColumnType.COUNT)));
            if (agreements != null) {
                figures.add(new KeyFigure("Agreements", (long) agreements.rows().size(), ColumnType.COUNT));
            }
            b.add(new KeyFigures(figures));
            b.add(new Heading(2, "Funding by programme"));
            List<String> ids = Tables.texts(programmes, "programme_id");
            add(b, ReportCharts.funding("funding-by-programme", "Committed, disbursed and spent by programme",
                    "Programme", programmes, "programme_id", ids, in.currency()));
            b.add(new TableBlock(programmes, "Money and delivery per programme"));
        }
        b.add(new Heading(2, "Programmes"));
        b.add(new LinkList(EntityPages.programmeLinks(in)));
        b.add(new Heading(2, "Partners"));
        b.add(new LinkList(EntityPages.partnerLinks(in)));
        if (in.t("impact_estimates") != null) {
            b.add(new Heading(2, "Impact estimates"));
            b.add(new Paragraph("Change in outcome indicators for participants measured before and after the "
                    + "service (pre_post), and the same change compared with people who were not served (did). "
                    + "The 95% confidence interval shows the range the true change plausibly lies in."));
            b.add(new TableBlock(in.t("impact_estimates"), "Impact estimates per programme and indicator"));
        }
        return b;
    }

    private static List<Block> dataQuality(Inputs in) {
        List<Block> b = new ArrayList<>();
        b.add(new Paragraph("How complete, timely and clean the partners' submissions were, and the integrity "
                + "checks the figures raised. A flag is a reason to look closer, not a finding of wrongdoing."));
        DataTable dq = in.t("data_quality");
        b.add(new Heading(2, "Submissions"));
        b.add(dq != null ? new TableBlock(dq, "Rows read, accepted and quarantined per partner and dataset")
                : new Paragraph("Data-quality figures are not part of this release."));
        DataTable flags = in.t("integrity_flags");
        b.add(new Heading(2, "Integrity flags"));
        if (flags == null) b.add(new Paragraph("Integrity flags are not part of this release."));
        else if (flags.rows().isEmpty()) b.add(new Paragraph("No integrity check raised a flag."));
        else b.add(new TableBlock(flags, "Integrity flags with their evidence and threshold"));
        return b;
    }

    private static List<Block> methodology(Inputs in) {
        List<Block> b = new ArrayList<>();
        b.add(new Paragraph("All money is in " + in.currency() + ", converted with the agency's monthly exchange "
                + "rates where a partner reported in another currency. Figures count activity dated on or before "
                + "the as-of date, " + in.asOf() + "."));
        b.add(new Heading(2, "Metrics"));
        List<List<Object>> rows = new ArrayList<>();
        for (MethodologyEntry e : in.methodology()) {
            rows.add(List.of(e.name(), e.definition(), e.formula(), e.unit(), e.edgeCases(), e.threshold()));
        }
        b.add(new TableBlock(new DataTable("methodology", "Metric definitions", List.of(
                new Column("metric", ColumnType.ID, null), new Column("definition", ColumnType.TEXT, null),
                new Column("formula", ColumnType.TEXT, null), new Column("unit", ColumnType.TEXT, null),
                new Column("edge cases", ColumnType.TEXT, null), new Column("threshold", ColumnType.TEXT, null)),
                rows), "Metric definitions"));
        b.add(new Paragraph("A figure whose denominator is zero or missing is left empty and the notes column "
                + "says why."));
        b.addAll(DisclosureMethodology.blocks(in.k(), in.disclosure()));
        return b;
    }

    private static List<Block> downloads(Inputs in) {
        List<Block> b = new ArrayList<>();
        b.add(new Paragraph("Every table of this report as CSV (UTF-8, RFC 4180), JSON and Parquet. A cell shown "
                + "as [c] is suppressed (see the methodology page). Text cells that begin with = + - or @ carry a "
                + "leading apostrophe in the CSV so spreadsheets do not run them."));
        b.add(new Heading(2, "Tables"));
        List<LinkList.Item> items = new ArrayList<>();
        for (DataTable t : in.tables().values()) {
            String note = t.title() + ", " + t.rows().size() + (t.rows().size() == 1 ? " row" : " rows");
            items.add(new LinkList.Item("data/" + t.name() + ".csv", t.name() + ".csv", note));
            items.add(new LinkList.Item("data/" + t.name() + ".json", t.name() + ".json", null));
            items.add(new LinkList.Item("data/" + t.name() + ".parquet", t.name() + ".parquet", null));
        }
        b.add(new LinkList(items));
        b.add(new Heading(2, "The whole release"));
        b.add(new LinkList(List.of(
                new LinkList.Item(PDF, "The report as one PDF", null),
                new LinkList.Item(DATAPACKAGE, DATAPACKAGE, "Frictionless data package: files, checksums, schemas"),
                new LinkList.Item(DCAT, DCAT, "DCAT-US 1.1 catalogue for open-data portals"),
                new LinkList.Item(MANIFEST, MANIFEST, "Run, as-of date, input checksums, pipeline and rule versions"),
                new LinkList.Item(CHECKSUMS, CHECKSUMS, "Verify with: sha256sum -c SHA256SUMS"))));
        return b;
    }

    private static List<Block> changes(Inputs in) {
        List<Block> b = new ArrayList<>();
        ReleaseChanges c = in.changes();
        if (c == null || c.previousRelease() == null) {
            b.add(new Paragraph("This is the first release; there is nothing to compare with."));
            return b;
        }
        b.add(new Paragraph("Compared with release " + c.previousRelease() + ", which stays available beside this "
                + "one. The as-of date itself is not counted as a change."));
        if (c.changes().rows().isEmpty()) {
            b.add(new Paragraph("No published figure changed."));
        } else {
            b.add(new TableBlock(c.changes(), c.changes().rows().size() + " changed figures"));
            if (c.truncated() > 0) {
                b.add(new Paragraph(c.truncated() + " further changes are not listed; compare the open-data files."));
            }
        }
        return b;
    }

    static void add(List<Block> blocks, Chart chart) {
        if (chart != null) blocks.add(new ChartBlock(chart));
    }
}
