package org.glasshouse.reports.render;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.glasshouse.reports.model.Chart;
import org.glasshouse.reports.model.ChartBlock;
import org.glasshouse.reports.model.ChartKind;
import org.glasshouse.reports.model.ChartSeries;
import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Heading;
import org.glasshouse.reports.model.KeyFigure;
import org.glasshouse.reports.model.KeyFigures;
import org.glasshouse.reports.model.Page;
import org.glasshouse.reports.model.Paragraph;
import org.glasshouse.reports.model.Report;
import org.glasshouse.reports.model.ScreenOnly;
import org.glasshouse.reports.model.Suppressed;
import org.glasshouse.reports.model.TableBlock;

/** A small report with hostile partner data, shared by the rendering tests. */
final class SampleReport {
    static final String EVIL = "<script>alert(1)</script>";

    private SampleReport() {
    }

    static DataTable partners() {
        return new DataTable("partner_metrics", "Partner metrics", List.of(
                new Column("partner", ColumnType.TEXT, "Partner name", "Partner"),
                new Column("spent", ColumnType.MONEY, "Spent to date", "Spent (GBP)"),
                new Column("beneficiaries", ColumnType.COUNT, "Distinct people served", "People served"),
                new Column("absorption_rate", ColumnType.RATE, null),
                new Column("p_value", ColumnType.P_VALUE, "Two-sided p-value", "p-value"),
                new Column("as_of", ColumnType.DATE, null, "As of")),
                List.of(
                        Arrays.asList(EVIL, new BigDecimal("1234567.5"), 15000L, 0.12345, 0.0, LocalDate.of(2024, 3, 31)),
                        Arrays.asList("Small & Co \"quoted\"", -5L, Suppressed.INSTANCE, null, 0.04251, null)));
    }

    static Chart spendChart() {
        return new Chart("spend-by-partner", ChartKind.BAR, "Spent by partner", "Bar chart of spending by partner.",
                "Partner", "Spent (GBP)", List.of(EVIL, "Small & Co"),
                List.of(new ChartSeries("Spent", Arrays.asList(1234567.594476, null)),
                        new ChartSeries("Committed", List.of(2000000.0, 50000.0))), ColumnType.MONEY);
    }

    /** A detail chart shown only on the web page. */
    static Chart detailChart() {
        return new Chart("detail-trend", ChartKind.LINE, "Detail trend", "Line chart of a detail.", "Month",
                "Share", List.of("2024-01", "2024-02"), List.of(new ChartSeries("Share", List.of(0.25, 0.5))),
                ColumnType.RATE);
    }

    static Report report() {
        Page index = new Page("index.html", "Overview", List.of(
                new KeyFigures(List.of(new KeyFigure("Total spent", new BigDecimal("1234562.5"), ColumnType.MONEY,
                                "GBP"),
                        new KeyFigure("People served", Suppressed.INSTANCE, ColumnType.COUNT))),
                new Heading(2, "Partners"),
                new Paragraph("Partner " + EVIL + " reported."),
                new TableBlock(partners(), null),
                new ChartBlock(spendChart()),
                new ScreenOnly(List.of(new Paragraph("Only on the screen."), new ChartBlock(detailChart())))));
        Page programme = new Page("programme-PRG-01.html", "Programme " + EVIL, List.of(
                new Heading(1, "Level one becomes h2"), new Heading(3, "Sub"), new Paragraph("Text")));
        Page downloads = new Page("downloads.html", "Downloads", List.of(new Paragraph("CSV files.")), true, false);
        return new Report("Glasshouse transparency report", LocalDate.of(2024, 3, 31), "run-42",
                List.of(index, programme, downloads), List.of(partners()), "mailto:corrections@agency.example");
    }
}
