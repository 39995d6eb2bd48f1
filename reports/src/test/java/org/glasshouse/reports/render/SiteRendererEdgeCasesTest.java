package org.glasshouse.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.glasshouse.reports.model.Chart;
import org.glasshouse.reports.model.ChartBlock;
import org.glasshouse.reports.model.ChartKind;
import org.glasshouse.reports.model.ChartSeries;
import org.glasshouse.reports.model.Page;
import org.glasshouse.reports.model.Paragraph;
import org.glasshouse.reports.model.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteRendererEdgeCasesTest {
    @TempDir
    Path site;

    @Test
    void withoutDownloadsPageTheFooterLinksEachCsv() throws Exception {
        Report report = new Report("R", LocalDate.of(2024, 1, 31), "run-1",
                List.of(new Page("index.html", "Home", List.of(new Paragraph("Hello")))),
                List.of(SampleReport.partners()));
        SiteRenderer.render(report, site);
        assertThat(Files.readString(site.resolve("index.html")))
                .contains("<a href=\"data/partner_metrics.csv\">partner_metrics.csv</a>");
    }

    @Test
    void twoDifferentChartsWithOneIdAreRejected() {
        Chart a = chart(1.0);
        Chart b = chart(2.0);
        Report report = new Report("R", LocalDate.of(2024, 1, 31), "run-1", List.of(
                new Page("a.html", "A", List.of(new ChartBlock(a))),
                new Page("b.html", "B", List.of(new ChartBlock(b)))), List.of());
        assertThatThrownBy(() -> SiteRenderer.render(report, site)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Chart chart(double v) {
        return new Chart("same", ChartKind.BAR, "T", "Alt.", "x", "y", List.of("a"),
                List.of(new ChartSeries("s", List.of(v))));
    }
}
