package org.glasshouse.reports.render;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.Page;
import org.glasshouse.reports.model.Report;
import org.glasshouse.reports.render.html.PageViews;
import org.glasshouse.reports.render.html.PrintView;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * Writes the printed report as one PDF: a contents page with links and PDF bookmarks, then each page marked
 * {@link Page#inPrint()} without its screen-only blocks and chart tables (the long tables stay in the open data).
 * The document is produced by the same escaping Thymeleaf templates as the site (so partner text is text, never
 * markup), parsed as XML with external entities off, and laid out by openhtmltopdf with the chart PNGs already in the
 * site folder. A Unicode font is embedded when the system has one, because the
 * PDF standard fonts cannot show characters such as − or non-Latin partner names.
 */
public final class PdfRenderer {

    public static final String FILE = "report.pdf";

    private static final List<String> FONTS = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

    static {
        // openhtmltopdf logs through its own java.util.logging handler, bypassing the application's log levels, and
        // warns about every screen-only CSS property it ignores; failures still surface as exceptions.
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    private PdfRenderer() {
    }

    /** Renders into {@code siteDir/report.pdf}; the charts must already be rendered under siteDir. */
    public static Path render(Report report, Path siteDir) {
        Path root = siteDir.toAbsolutePath().normalize();
        Path target = root.resolve(FILE);
        String xhtml = MarkupText.clean(Templates.render("report/print", "doc", new PrintView(report.title(),
                CellFormatter.display(report.asOf(), ColumnType.DATE), report.runId(),
                report.pages().stream().filter(Page::inPrint).map((Page p) -> PageViews.forPrint(report, p)).toList())));
        try (OutputStream out = Files.newOutputStream(target)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            for (String f : FONTS) {
                File file = new File(f);
                if (file.isFile()) {
                    builder.useFont(file, "DejaVu Sans", f.contains("Bold") ? 700 : 400,
                            PdfRendererBuilder.FontStyle.NORMAL, true);
                }
            }
            builder.withW3cDocument(parse(xhtml), root.toUri().toString());
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        return target;
    }

    private static Document parse(String xhtml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        } catch (Exception e) {
            throw new IllegalStateException("the print document is not well-formed XHTML", e);
        }
    }
}
