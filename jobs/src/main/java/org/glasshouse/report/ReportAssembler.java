package org.glasshouse.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasshouse.reports.model.Block;
import org.glasshouse.reports.model.Chart;
import org.glasshouse.reports.model.ChartBlock;
import org.glasshouse.reports.model.ChartKind;
import org.glasshouse.reports.model.ChartSeries;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Heading;
import org.glasshouse.reports.model.KeyFigure;
import org.glasshouse.reports.model.KeyFigures;
import org.glasshouse.reports.model.Page;
import org.glasshouse.reports.model.Paragraph;
import org.glasshouse.reports.model.Report;
import org.glasshouse.reports.model.TableBlock;

/** Turns the (already disclosure-controlled) public tables into the report model: pages, charts and open data. */
public final class ReportAssembler {

    /** @param tables the disclosure-controlled public tables by name (see {@link PublicTables}) */
    public record Inputs(String title, LocalDate asOf, String runId, String currency, int k,
                         Map<String, DataTable> tables) {
        DataTable agreements() { return tables.get(PublicTables.AGREEMENT_METRICS.name()); }
        DataTable programmes() { return tables.get(PublicTables.PROGRAMME_METRICS.name()); }
        DataTable impact() { return tables.get(PublicTables.IMPACT_ESTIMATES.name()); }
    }

    private ReportAssembler() {}

    public static Report assemble(Inputs in) {
        List<Block> overview = new ArrayList<>();
        overview.add(new Paragraph("Where the money went, who was served and what changed, for every programme and "
                + "partner, as of " + in.asOf() + ". Amounts are in " + in.currency() + ". Every figure can be "
                + "recomputed from the open data linked at the foot of each page."));
        overview.add(new KeyFigures(List.of(
                new KeyFigure("Committed", sum(in.programmes(), "committed"), ColumnType.MONEY),
                new KeyFigure("Disbursed", sum(in.programmes(), "disbursed"), ColumnType.MONEY),
                new KeyFigure("Spent", sum(in.programmes(), "spent"), ColumnType.MONEY),
                new KeyFigure("Programmes", (long) in.programmes().rows().size(), ColumnType.COUNT),
                new KeyFigure("Agreements", (long) in.agreements().rows().size(), ColumnType.COUNT))));
        overview.add(new Heading(2, "Funding by programme"));
        overview.add(new ChartBlock(fundingChart(in)));
        overview.add(new TableBlock(in.programmes(), "Money and delivery per programme"));
        overview.add(new Heading(2, "Cost per beneficiary by agreement"));
        overview.add(new ChartBlock(costChart(in)));
        overview.add(new TableBlock(in.agreements(), "Money and delivery per agreement"));
        overview.add(new Heading(2, "Impact estimates"));
        overview.add(new Paragraph("Change in outcome indicators for participants measured before and after the "
                + "service (pre_post), and the same change compared with people who were not served (did). "
                + "The 95% confidence interval shows the range the true change plausibly lies in."));
        overview.add(new TableBlock(in.impact(), "Impact estimates per programme and indicator"));

        List<Block> method = List.of(
                new Paragraph("disbursed = disbursements − refunds dated on or before the as-of date; spent = "
                        + "expenditures dated on or before it; disbursement rate = disbursed / committed; absorption "
                        + "rate = spent / disbursed; beneficiaries = distinct people served (counted once across "
                        + "partners within a programme); cost per beneficiary = spent / beneficiaries."),
                new Paragraph("A figure whose denominator is zero or missing is left empty and the notes column "
                        + "says why."),
                new Paragraph("Disclosure control: any count of people from 1 to " + (in.k() - 1) + " is suppressed "
                        + "and shown as [c], and so is every figure derived from it on the same row."));
        List<Page> pages = List.of(
                new Page("index.html", in.title(), overview),
                new Page("methodology.html", "Methodology", method));
        return new Report(in.title(), in.asOf(), in.runId(), pages, List.copyOf(in.tables().values()));
    }

    private static Chart fundingChart(Inputs in) {
        DataTable t = in.programmes();
        List<String> ids = column(t, "programme_id").stream().map(String::valueOf).toList();
        List<Double> committed = numbers(t, "committed");
        List<Double> disbursed = numbers(t, "disbursed");
        List<Double> spent = numbers(t, "spent");
        double c = total(committed);
        double d = total(disbursed);
        double s = total(spent);
        String alt = String.format(Locale.ROOT, "Bar chart of committed, disbursed and spent funds for %d programmes. "
                + "In total %,.0f %s was committed, %.0f%% of it disbursed and %.0f%% spent.", ids.size(), c,
                in.currency(), c == 0 ? 0 : 100 * d / c, c == 0 ? 0 : 100 * s / c);
        return new Chart("funding-by-programme", ChartKind.BAR, "Committed, disbursed and spent by programme", alt,
                "Programme", "Amount (" + in.currency() + ")", ids, List.of(
                new ChartSeries("Committed", committed), new ChartSeries("Disbursed", disbursed),
                new ChartSeries("Spent", spent)));
    }

    private static Chart costChart(Inputs in) {
        DataTable t = in.agreements();
        List<String> ids = column(t, "agreement_id").stream().map(String::valueOf).toList();
        List<Double> cost = numbers(t, "cost_per_beneficiary");
        int highest = -1;
        for (int i = 0; i < cost.size(); i++) {
            if (cost.get(i) != null && (highest < 0 || cost.get(i) > cost.get(highest))) highest = i;
        }
        String alt = highest < 0 ? "Bar chart of cost per beneficiary by agreement; no agreement has a value yet."
                : String.format(Locale.ROOT, "Bar chart of cost per beneficiary for %d agreements. The highest is "
                + "%s at %,.2f %s per person.", ids.size(), ids.get(highest), cost.get(highest), in.currency());
        return new Chart("cost-per-beneficiary", ChartKind.BAR, "Cost per beneficiary by agreement", alt,
                "Agreement", "Cost per beneficiary (" + in.currency() + ")", ids,
                List.of(new ChartSeries("Cost per beneficiary", cost)));
    }

    private static List<Object> column(DataTable t, String name) {
        int i = indexOf(t, name);
        return t.rows().stream().map(r -> r.get(i)).toList();
    }

    /** Numeric cells; suppressed or empty cells become null (not drawn). */
    private static List<Double> numbers(DataTable t, String name) {
        return column(t, name).stream().map(v -> v instanceof Number n ? n.doubleValue() : null).toList();
    }

    private static double total(List<Double> xs) {
        return xs.stream().filter(x -> x != null).mapToDouble(Double::doubleValue).sum();
    }

    private static Double sum(DataTable t, String name) {
        return total(numbers(t, name));
    }

    private static int indexOf(DataTable t, String name) {
        for (int i = 0; i < t.columns().size(); i++) if (t.columns().get(i).name().equals(name)) return i;
        throw new IllegalArgumentException("table " + t.name() + " has no column " + name);
    }
}
