package org.glasshouse.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.glasshouse.reports.model.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfRendererTest {

    @Test
    void theWholeReportIsOnePdfWithItsChartsAndPartnerTextAsText(@TempDir Path site) throws Exception {
        Report report = SampleReport.report();
        SiteRenderer.render(report, site);
        Path pdf = PdfRenderer.render(report, site);

        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        // No JavaScript action can come out of partner text: it is laid out as characters.
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("/JavaScript", "/JS ");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(doc);
            // The long page title wraps inside the tag text; joined again it is the literal partner text.
            assertThat(text.replace("\n", "")).contains("Programme <script>alert(1)</script>");
            assertThat(text).contains("Glasshouse transparency report", "Figures as of 31 March 2024; release of run",
                    "Partner <script>alert(1)</script> reported.", "Small & Co \"quoted\"", "[c]", "Contents",
                    "The numbers behind this chart are in a table under it on the web");
            // The PDF leaves out screen-only blocks, chart tables and pages not meant for print.
            assertThat(text).doesNotContain("Only on the screen.", "Data for chart", "CSV files.");
            // Contents page: one entry per printed page with its page number; the same entries as bookmarks.
            assertThat(text).containsPattern("Overview\\s*\\.+\\s*2").containsPattern("Programme <script>.*\\.+\\s*\\d");
            var outline = doc.getDocumentCatalog().getDocumentOutline();
            java.util.List<String> marks = new java.util.ArrayList<>();
            for (var item = outline.getFirstChild(); item != null; item = item.getNextSibling()) marks.add(item.getTitle());
            assertThat(marks).containsExactly("Contents", "Overview", "Programme <script>alert(1)</script>");
            int images = 0;
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) images++;
                }
            }
            assertThat(images).isEqualTo(1); // the one printed chart of the sample report
        }
    }
}
