package org.glasshouse.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.glasshouse.reports.model.Page;
import org.glasshouse.reports.model.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SiteRendererTest {
    @TempDir
    static Path site;
    static Report report;
    static RenderedSite rendered;

    @BeforeAll
    static void render() {
        report = SampleReport.report();
        rendered = SiteRenderer.render(report, site);
    }

    @Test
    void listsEveryFileWritten() {
        assertThat(rendered.files()).containsExactly(
                "assets/site.css",
                "charts/detail-trend.png",
                "charts/detail-trend.svg",
                "charts/spend-by-partner.png",
                "charts/spend-by-partner.svg",
                "data/partner_metrics.csv",
                "data/partner_metrics.json",
                "downloads.html",
                "index.html",
                "programme-PRG-01.html");
        for (String f : rendered.files()) {
            assertThat(site.resolve(f)).isRegularFile();
        }
    }

    @Test
    void partnerDataIsEscaped() throws Exception {
        for (Page page : report.pages()) {
            String html = read(page.fileName());
            assertThat(html).doesNotContainIgnoringCase("<script");
        }
        assertThat(read("index.html")).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(read("programme-PRG-01.html"))
                .contains("<h1>Programme &lt;script&gt;alert(1)&lt;/script&gt;</h1>");
    }

    @Test
    void pagesAreWellFormedHtml5WithLangAndNoThymeleafLeftovers() throws Exception {
        for (Page page : report.pages()) {
            String html = read(page.fileName());
            assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">")
                    .doesNotContain("th:").doesNotContain("xmlns:th");
            Document doc = parse(html);
            assertThat(elements(doc, "h1")).hasSize(1);
            assertThat(elements(doc, "title").get(0).getTextContent()).endsWith("Glasshouse transparency report");
        }
    }

    @Test
    void navLinksEveryPageAndMarksTheCurrentOne() throws Exception {
        List<String> expected = report.pages().stream().map(Page::fileName).toList();
        for (Page page : report.pages()) {
            Element nav = elements(parse(read(page.fileName())), "nav").get(0);
            List<String> hrefs = new ArrayList<>();
            String current = null;
            for (Element a : children(nav, "a")) {
                hrefs.add(a.getAttribute("href"));
                if ("page".equals(a.getAttribute("aria-current"))) {
                    current = a.getAttribute("href");
                }
            }
            assertThat(hrefs).containsExactlyElementsOf(expected);
            assertThat(current).isEqualTo(page.fileName());
        }
    }

    @Test
    void tablesHaveCaptionsScopedHeadersAndFormattedNumbers() throws Exception {
        Document doc = parse(read("index.html"));
        Element table = elements(doc, "table").get(0);
        assertThat(children(table, "caption").get(0).getTextContent()).isEqualTo("Partner metrics");
        List<Element> ths = children(table, "th");
        assertThat(ths.subList(0, 6)).allSatisfy(th -> assertThat(th.getAttribute("scope")).isEqualTo("col"));
        // Plain labels in the header (the machine name where a column has none).
        assertThat(ths.subList(0, 6).stream().map(Element::getTextContent).toList()).containsExactly("Partner",
                "Spent (GBP)", "People served", "absorption_rate", "p-value", "As of");
        assertThat(ths.get(1).getAttribute("class")).isEqualTo("num");
        assertThat(ths.get(6).getAttribute("scope")).isEqualTo("row");
        assertThat(ths.get(6).getTextContent()).isEqualTo(SampleReport.EVIL);
        // Money grouped, rates as percentages (from the CSV's 0.1235), p-values never "0", dates written out.
        List<String> cells = children(table, "td").stream().map(Element::getTextContent).toList();
        assertThat(cells).containsExactly("1,234,567.50", "15,000", "12.4%", "< 0.001", "31 March 2024",
                "-5.00", "[c]", "", "0.043", "");
        assertThat(children(table, "td").get(0).getAttribute("class")).isEqualTo("num");
        // The explanations are listed under the table, one per described column.
        Element glossary = elements(doc, "details").get(0);
        assertThat(children(glossary, "summary").get(0).getTextContent()).isEqualTo("What the columns mean");
        assertThat(children(glossary, "dt").stream().map(Element::getTextContent).toList())
                .containsExactly("Partner", "Spent (GBP)", "People served", "p-value");
        assertThat(children(glossary, "dd").get(1).getTextContent()).isEqualTo("Spent to date");
        // A wide table scrolls in a keyboard-focusable region named by its caption, with a cue for phones.
        Element wrap = (Element) table.getParentNode();
        assertThat(wrap.getAttribute("class")).isEqualTo("table-wrap");
        assertThat(wrap.getAttribute("tabindex")).isEqualTo("0");
        assertThat(wrap.getAttribute("role")).isEqualTo("region");
        assertThat(wrap.getAttribute("aria-labelledby")).isEqualTo(children(table, "caption").get(0).getAttribute("id"));
        String html = read("index.html");
        assertThat(html).contains("Scroll sideways to see every column.");
        assertThat(html).contains("[c] = suppressed to protect confidentiality");
        assertThat(html).contains("<dd class=\"marker\">[c]</dd>").contains("<dd>GBP 1,234,562.50</dd>");
    }

    @Test
    void chartsAreFiguresWithAltSvgLinkCaptionAndDataTable() throws Exception {
        Document doc = parse(read("index.html"));
        Element figure = elements(doc, "figure").get(0);
        Element img = children(figure, "img").get(0);
        assertThat(img.getAttribute("src")).isEqualTo("charts/spend-by-partner.png");
        assertThat(img.getAttribute("alt"))
                .isEqualTo("Bar chart of spending by partner. 1 value is missing or suppressed and not drawn.");
        assertThat(children(figure, "a").get(0).getAttribute("href")).isEqualTo("charts/spend-by-partner.svg");
        assertThat(children(figure, "figcaption").get(0).getTextContent()).isEqualTo("Spent by partner");
        Element table = children(figure, "table").get(0);
        assertThat(children(table, "th").stream().map(Element::getTextContent).toList())
                .containsExactly("Partner", "Spent", "Committed", SampleReport.EVIL, "Small & Co");
        // The chart's table formats its numbers as the chart's value type: money with two decimals, as in every table.
        assertThat(children(table, "td").stream().map(Element::getTextContent).toList())
                .containsExactly("1,234,567.59", "2,000,000.00", "[x]", "50,000.00");
        String detail = read("index.html");
        assertThat(detail).contains("Only on the screen.").contains("charts/detail-trend.png")
                .contains("<td class=\"num\">25.0%</td>");
        assertThat(ImageIO.read(site.resolve("charts/spend-by-partner.png").toFile()).getWidth()).isEqualTo(800);
    }

    @Test
    void everyImageHasNonEmptyAlt() throws Exception {
        for (Page page : report.pages()) {
            for (Element img : elements(parse(read(page.fileName())), "img")) {
                assertThat(img.getAttribute("alt")).isNotBlank();
            }
        }
    }

    @Test
    void footerHasAsOfRunIdAndDownloadsLink() throws Exception {
        Element footer = elements(parse(read("programme-PRG-01.html")), "footer").get(0);
        assertThat(footer.getTextContent()).contains("31 March 2024").contains("run-42");
        assertThat(children(footer, "time").get(0).getAttribute("datetime")).isEqualTo("2024-03-31");
        // Every page has the report-an-error route; an e-mail route names the page in its subject.
        Element report = children(footer, "a").get(0);
        assertThat(report.getTextContent()).isEqualTo("Report an error");
        assertThat(report.getAttribute("href")).isEqualTo("mailto:corrections@agency.example?subject=Error%20in%20"
                + "the%20report%3A%20Programme%20%3Cscript%3Ealert%281%29%3C%2Fscript%3E%20%28programme-PRG-01.html"
                + "%2C%20release%20run-42%29");
        assertThat(children(footer, "a").get(1).getAttribute("href")).isEqualTo("downloads.html");
        assertThat(read("programme-PRG-01.html")).contains("<h2>Level one becomes h2</h2>").contains("<h3>Sub</h3>");
    }

    @Test
    void openDataCsvAndCssAreWritten() throws Exception {
        assertThat(Files.readString(site.resolve("data/partner_metrics.csv")))
                .startsWith("partner,spent,beneficiaries,absorption_rate,p_value,as_of\r\n")
                .contains(",1234567.50,15000,0.1235,0,2024-03-31\r\n")
                .contains("\"Small & Co \"\"quoted\"\"\",-5.00,[c],,0.04251,\r\n");
        assertThat(Files.readString(site.resolve("assets/site.css"))).contains("@media print");
    }

    private static String read(String file) throws Exception {
        return Files.readString(site.resolve(file), StandardCharsets.UTF_8);
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document doc, String tag) {
        return children(doc.getDocumentElement(), tag);
    }

    private static List<Element> children(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }
}
