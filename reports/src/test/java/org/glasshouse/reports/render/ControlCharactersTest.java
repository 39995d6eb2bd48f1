package org.glasshouse.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.glasshouse.reports.model.Chart;
import org.glasshouse.reports.model.ChartBlock;
import org.glasshouse.reports.model.ChartKind;
import org.glasshouse.reports.model.ChartSeries;
import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Page;
import org.glasshouse.reports.model.Paragraph;
import org.glasshouse.reports.model.Report;
import org.glasshouse.reports.model.TableBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/**
 * Partner text reaches the report as data (a transaction id in a flag's evidence, a partner name): control
 * characters in it must neither stop the PDF (XML 1.0 cannot carry them) nor reach the pages and SVG charts.
 */
class ControlCharactersTest {

    // (A lone surrogate cannot reach a report: Spark stores strings as UTF-8 and replaces it.)
    static final String ID = "TRX-\u0001-7\u0000\u001b[31m\uFFFFx";

    static Report report() {
        DataTable flags = new DataTable("integrity_flags", "Integrity flags", List.of(
                new Column("flag_id", ColumnType.TEXT, null), new Column("evidence", ColumnType.TEXT, null)),
                List.of(Arrays.asList("INT-DUPLICATE:AGR-1", "2 expenditures: TRX-1, " + ID)));
        Chart chart = new Chart("spend", ChartKind.BAR, "Spent by " + ID, "Alt text " + ID, "Partner", "Spent",
                List.of(ID, "Other"), List.of(new ChartSeries("Spent", Arrays.asList(10.0, 20.0))));
        Page page = new Page("index.html", "Flags " + ID, List.of(new Paragraph("Evidence " + ID),
                new TableBlock(flags, null), new ChartBlock(chart)));
        return new Report("Report " + ID, LocalDate.of(2026, 9, 30), "run-1", List.of(page), List.of(flags));
    }

    @Test
    void thePdfIsWrittenAndShowsEachControlCharacterAsAReplacementCharacter(@TempDir Path site) throws Exception {
        Report report = report();
        SiteRenderer.render(report, site);
        Path pdf = PdfRenderer.render(report, site);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Evidence TRX-\uFFFD-7\uFFFD\uFFFD[31m\uFFFDx");
        }
    }

    @Test
    void pagesAndChartsCarryNoControlCharacterAndTheSvgIsWellFormedXml(@TempDir Path site) throws Exception {
        SiteRenderer.render(report(), site);
        String html = Files.readString(site.resolve("index.html"));
        assertThat(html).contains("Evidence TRX-\uFFFD-7").doesNotContain("\u0001", "\u0000", "\u001b", "\uFFFF");
        String svg = Files.readString(site.resolve("charts/spend.svg"));
        assertThat(svg).doesNotContain("\u0001", "\u0000");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.newDocumentBuilder().parse(new InputSource(new StringReader(svg.substring(svg.indexOf("<svg")))));
    }

    @Test
    void cleanKeepsValidTextAndPairsUntouched() {
        String ok = "tab\there, line\nend, é, 𝄞 (a surrogate pair), ✓";
        assertThat(MarkupText.clean(ok)).isSameAs(ok);
        assertThat(MarkupText.clean("a\u0007b\u0085c\uDC00")).isEqualTo("a\uFFFDb\uFFFDc\uFFFD");
    }
}
