package org.glasshouse.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasshouse.metrics.ColumnLabels;
import org.glasshouse.metrics.Thresholds;
import org.glasshouse.report.DisclosureControl;
import org.glasshouse.report.Methodology;
import org.glasshouse.report.PageSettings;
import org.glasshouse.report.PublicTable;
import org.glasshouse.report.PublicTables;
import org.glasshouse.report.ReferenceTables;
import org.glasshouse.report.ReleaseChanges;
import org.glasshouse.report.ReleaseRelations;
import org.glasshouse.report.ReportAssembler;
import org.glasshouse.reports.model.Block;
import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Page;
import org.glasshouse.reports.model.Paragraph;
import org.glasshouse.reports.model.PrintOnly;
import org.glasshouse.reports.model.Report;
import org.glasshouse.reports.model.ScreenOnly;
import org.glasshouse.reports.model.TableBlock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report reads in plain words: labelled columns, sentences written from the figures, integrity flags summarised
 * per subject with the money concerned, strongest first, and pages and PDF that do not grow with the flags.
 */
class PlainReportTest {

    static Map<String, DataTable> safe;

    @BeforeAll
    static void tables() {
        safe = new DisclosureControl(10).protect(ReleaseFixture.specs(), ReleaseFixture.tables(7), ReleaseRelations.all())
                .tables();
    }

    private static Report assemble(Map<String, DataTable> tables, int flagsPerPage) {
        return ReportAssembler.assemble(new ReportAssembler.Inputs("Test report", LocalDate.of(2026, 9, 30), "1", "USD",
                10, tables, Methodology.entries(Thresholds.DEFAULTS), ReleaseChanges.first(), null, null,
                new PageSettings("mailto:" + ReleaseFixture.REPORT_ERROR, flagsPerPage, 100)));
    }

    private static Page page(Report r, String file) {
        return r.pages().stream().filter(p -> p.fileName().equals(file)).findFirst().orElseThrow();
    }

    private static List<TableBlock> tables(List<Block> blocks, boolean print) {
        List<TableBlock> out = new ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof TableBlock t) out.add(t);
            else if (b instanceof ScreenOnly s && !print) out.addAll(tables(s.blocks(), print));
            else if (b instanceof PrintOnly p && print) out.addAll(tables(p.blocks(), print));
        }
        return out;
    }

    @Test
    void everyPublishedColumnHasAPlainLabelAndExplanation() {
        List<PublicTable> all = new ArrayList<>(PublicTables.all());
        all.addAll(ReferenceTables.all());
        List<String> missing = new ArrayList<>();
        for (PublicTable t : all) {
            for (Column c : t.columns()) {
                ColumnLabels.Label l = ColumnLabels.of(t.name(), c.name());
                if (l == null || l.label().isBlank() || l.explanation().isBlank()) missing.add(t.name() + "." + c.name());
            }
        }
        for (Column c : ReleaseChanges.LOG_COLUMNS) if (ColumnLabels.of(null, c.name()) == null) missing.add(c.name());
        assertThat(missing).isEmpty();
        assertThat(ColumnLabels.of("reach_breakdown", "beneficiaries").label()).isEqualTo("People");
        assertThat(ColumnLabels.of("agreement_metrics", "beneficiaries").label()).isEqualTo("People served");
    }

    @Test
    void pagesOpenWithSentencesWrittenFromTheirFigures() {
        Report r = assemble(safe, 25);
        Block first = page(r, "programme-prg-a.html").blocks().get(0);
        // 960 / 1290 = 0.7442 in the CSV: 74.4% here. 207 people: 120 + 80 + 7, the total is not small.
        assertThat(((Paragraph) first).text()).isEqualTo("Skills & <b>Jobs</b> has spent 74.4% of what was paid out "
                + "(USD 960.00 of USD 1,290.00) and reached 207 people. Of its 2 indicator results in the latest "
                + "period, 2 are on track, 0 at risk and 0 off track. The integrity checks raised 3 flags about its "
                + "agreements (see the partners' pages).");
        // P3 served 7 people: the sentence says the number is suppressed, it never narrows it down.
        assertThat(((Paragraph) page(r, "partner-p3.html").blocks().get(0)).text()).isEqualTo(
                ReleaseFixture.FORMULA + " (community group) holds 1 agreement in 1 programme, worth USD 100.00. It "
                        + "has spent 66.7% of what it was paid, USD 60.00 of USD 90.00, and served a number of people "
                        + "that is suppressed ([c]) to protect their confidentiality. The integrity checks raised 1 flag about 1 agreement, partner "
                        + "or dataset. They are listed below by check.");
        assertThat(((Paragraph) page(r, "data-quality.html").blocks().get(0)).text()).isEqualTo("Partners sent 1,000 "
                + "rows of data; 990 (99.0%) passed validation and 10 were rejected, each with its reasons sent back "
                + "to the partner. The integrity checks raised 5 flags about 4 agreements, partners and datasets, "
                + "concerning USD 400.00 in all. A flag is a reason to look closer, not a finding of wrongdoing.");
    }

    @Test
    void pageTablesShowFewLabelledColumnsWhileTheOpenDataKeepsEveryColumn() {
        Report r = assemble(safe, 25);
        TableBlock agreements = tables(page(r, "programme-prg-a.html").blocks(), true).get(0);
        assertThat(agreements.table().columns().stream().map(Column::heading).toList()).containsExactly(
                "Partner (agreement)", "Committed (USD)", "Paid out (USD)", "Spent (USD)", "People served",
                "Cost per person (USD)");
        assertThat(agreements.table().rows().get(0).get(0)).isEqualTo("Northfield Trust (AGR-1)");
        for (Page p : r.pages()) {
            for (TableBlock t : tables(p.blocks(), false)) {
                assertThat(t.table().columns()).as(p.fileName()).hasSizeLessThanOrEqualTo(7)
                        .noneMatch(c -> c.name().equals("as_of"));
            }
        }
        DataTable open = r.openData().stream().filter(t -> t.name().equals("agreement_metrics")).findFirst().orElseThrow();
        assertThat(open.columns()).hasSize(PublicTables.AGREEMENT_METRICS.columns().size());
    }

    @Test
    void flagsAreGroupedPerSubjectWithTheirMoneyStrongestFirstAndBounded() {
        Report r = assemble(safe, 2);
        List<TableBlock> dq = tables(page(r, "data-quality.html").blocks(), true);
        DataTable byCheck = dq.get(1).table();
        assertThat(byCheck.columns().stream().map(Column::heading).toList()).containsExactly("Check", "Flags",
                "Subjects", "Amount concerned (USD)", "Strongest example");
        assertThat(byCheck.rows().get(0).subList(0, 4)).containsExactly("Possible duplicate expenditures", 2L, 1L,
                new java.math.BigDecimal("350.0"));
        DataTable bySubject = dq.get(2).table();
        assertThat(dq.get(2).caption()).isEqualTo("The 2 subjects with the strongest flags, of 4");
        assertThat(bySubject.rows()).hasSize(2);
        assertThat(bySubject.rows().get(0)).containsExactly("Agreement AGR-1 (Northfield Trust)", 2L,
                "Possible duplicate expenditures", new java.math.BigDecimal("350.0"),
                "2 expenditures of 250.00 USD on 2026-04-01: T3, T4");
        assertThat(bySubject.rows().get(1).get(0)).isEqualTo("Agreement AGR-2 (" + ReleaseFixture.SCRIPT + ")");
        assertThat(page(r, "data-quality.html").blocks()).anyMatch(b -> b instanceof Paragraph p
                && p.text().equals("All 5 flags about 4 subjects, each with its evidence and threshold, are in the "
                + "open-data table integrity_flags (data/integrity_flags.csv) on the downloads page."));
    }

    @Test
    void neitherPagesNorThePdfGrowWithTheNumberOfFlags() {
        Map<String, DataTable> many = new LinkedHashMap<>(safe);
        DataTable flags = safe.get("integrity_flags");
        List<List<Object>> rows = new ArrayList<>(flags.rows());
        for (int i = 0; i < 20_000; i++) {
            // A partner that repeats payments thousands of times: the pages show its one subject and one check.
            rows.add(new ArrayList<>(List.of(LocalDate.of(2026, 9, 30), "INT-DUPLICATE:AGR-1:" + i,
                    "agreement", "AGR-1", "2 expenditures of 1.00 USD", "any repeat", "INT-DUPLICATE")));
            rows.get(rows.size() - 1).add(null);
            rows.get(rows.size() - 1).add(1.0);
        }
        many.put("integrity_flags", new DataTable(flags.name(), flags.title(), flags.columns(), rows));
        Report small = assemble(safe, 25);
        Report large = assemble(many, 25);
        for (Page p : small.pages()) {
            Page q = page(large, p.fileName());
            assertThat(rowsShown(q, false)).as(p.fileName()).isEqualTo(rowsShown(p, false));
            assertThat(rowsShown(q, true)).as(p.fileName()).isEqualTo(rowsShown(p, true));
        }
        // The open data keeps every flag.
        assertThat(large.openData().stream().filter(t -> t.name().equals("integrity_flags")).findFirst().orElseThrow()
                .rows()).hasSize(20_005);
    }

    private static int rowsShown(Page p, boolean print) {
        return tables(p.blocks(), print).stream().mapToInt(t -> t.table().rows().size()).sum();
    }
}
