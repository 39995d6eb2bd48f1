package org.glasshouse.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.glasshouse.reports.model.Chart;
import org.glasshouse.reports.model.ChartKind;
import org.glasshouse.reports.model.ChartSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartRendererTest {
    @TempDir
    Path dir;

    @Test
    void barChartWritesPngAndEscapedSvg() throws Exception {
        Chart chart = SampleReport.spendChart();
        ChartRenderer.render(chart, dir);

        BufferedImage png = ImageIO.read(dir.resolve("spend-by-partner.png").toFile());
        assertThat(png).isNotNull();
        assertThat(png.getWidth()).isEqualTo(800);
        assertThat(png.getHeight()).isEqualTo(450);

        String svg = Files.readString(dir.resolve("spend-by-partner.svg"), StandardCharsets.UTF_8);
        assertThat(svg).contains("<svg").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Small &amp; Co").doesNotContainIgnoringCase("<script").doesNotContain("<!DOCTYPE");
        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("spend-by-partner.svg").toFile()).getDocumentElement().getTagName())
                .isEqualTo("svg");
    }

    @Test
    void outputIsDeterministic() throws Exception {
        Chart chart = new Chart("trend", ChartKind.LINE, "Trend", "Line chart of a trend.", "Month", "Value",
                List.of("2024-01", "2024-02", "2024-03"),
                List.of(new ChartSeries("Actual", Arrays.asList(1.0, null, 3.0))));
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        ChartRenderer.render(chart, a);
        ChartRenderer.render(chart, b);
        assertThat(Files.readAllBytes(a.resolve("trend.png"))).isEqualTo(Files.readAllBytes(b.resolve("trend.png")));
        assertThat(Files.readString(a.resolve("trend.svg"))).isEqualTo(Files.readString(b.resolve("trend.svg")));
    }

    @Test
    void moneyAxisOfSmallAmountsHasNoRepeatedTickLabels() throws Exception {
        // Costs per person of 3.75 to 5: a 0.5 tick step printed without cents read "4, 4, 5" on the axis.
        Chart chart = new Chart("cost", ChartKind.BAR, "Cost per person", "Cost per person by agreement.",
                "Agreement", "Cost per person (USD)", List.of("A", "B", "C"),
                List.of(new ChartSeries("Cost", Arrays.asList(5.0, 3.75, 5.0))),
                org.glasshouse.reports.model.ColumnType.MONEY);
        ChartRenderer.render(chart, dir);
        String svg = Files.readString(dir.resolve("cost.svg"), StandardCharsets.UTF_8);
        List<String> ticks = java.util.regex.Pattern.compile(">(\\d[\\d,]*)</text>").matcher(svg).results()
                .map(m -> m.group(1)).toList();
        assertThat(ticks).containsExactly("0", "1", "2", "3", "4", "5");
    }
}
