package org.glasshouse.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.glasshouse.reports.model.Chart;
import org.glasshouse.reports.model.ChartKind;
import org.glasshouse.reports.model.ChartSeries;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.render.CellFormatter;

/**
 * The report's charts, built only from disclosure-controlled public tables (a suppressed cell is not drawn and the
 * chart's table shows it as not available). Each alt text states the main finding in numbers. A builder returns
 * null when its data is absent, and the page then leaves the chart out.
 */
final class ReportCharts {

    private ReportCharts() {}

    /** Committed, disbursed and spent per row of a money table (programmes on the overview, agreements on a page). */
    static Chart funding(String id, String title, String categoryLabel, DataTable t, String keyColumn,
                         List<String> labels, String currency) {
        if (t == null || t.rows().isEmpty()) return null;
        double c = Tables.total(Tables.numbers(t, "committed"));
        double d = Tables.total(Tables.numbers(t, "disbursed"));
        double s = Tables.total(Tables.numbers(t, "spent"));
        String alt = "Bar chart of committed, paid-out and spent funds for " + t.rows().size() + " "
                + categoryLabel.toLowerCase(Locale.ROOT) + "s. In total " + Words.money(c, currency)
                + " was committed; " + share(d, c) + " of it has been paid out and " + share(s, c) + " spent.";
        return new Chart(id, ChartKind.BAR, title, alt, categoryLabel, "Amount (" + currency + ")", labels, List.of(
                new ChartSeries("Committed", Tables.numbers(t, "committed")),
                new ChartSeries("Paid out", Tables.numbers(t, "disbursed")),
                new ChartSeries("Spent", Tables.numbers(t, "spent"))), ColumnType.MONEY);
    }

    /** Cost per beneficiary of each agreement of a programme against the median of the programme's agreements. */
    static Chart costAgainstMedian(String id, DataTable agreements, List<String> labels, String currency) {
        if (agreements == null || agreements.rows().isEmpty()) return null;
        List<Double> cost = Tables.numbers(agreements, "cost_per_beneficiary");
        Double median = Tables.median(cost);
        if (median == null) return null;
        int highest = -1;
        for (int i = 0; i < cost.size(); i++) {
            if (cost.get(i) != null && (highest < 0 || cost.get(i) > cost.get(highest))) highest = i;
        }
        String alt = "Bar chart of the cost per person served for " + labels.size() + " agreements against the "
                + "median of the programme's agreements, " + Words.money(median, currency) + ". The highest is "
                + labels.get(highest) + " at " + Words.money(cost.get(highest), currency) + ", "
                + java.math.BigDecimal.valueOf(cost.get(highest) / median).setScale(1, java.math.RoundingMode.HALF_UP)
                .toPlainString() + " times the median.";
        List<Double> medians = new ArrayList<>();
        for (int i = 0; i < cost.size(); i++) medians.add(median);
        return new Chart(id, ChartKind.BAR, "Cost per person served against the median of the programme", alt,
                "Agreement", "Cost per person (" + currency + ")", labels, List.of(
                new ChartSeries("Cost per person", cost), new ChartSeries("Median of the agreements", medians)),
                ColumnType.MONEY);
    }

    /** Latest attainment per agreement and indicator, against the target (attainment 1 = target reached). */
    static Chart attainment(String id, DataTable latest) {
        if (latest == null || latest.rows().isEmpty()) return null;
        List<String> labels = new ArrayList<>();
        List<Double> att = new ArrayList<>();
        List<Double> target = new ArrayList<>();
        int reached = 0;
        for (List<Object> r : latest.rows()) {
            labels.add(Tables.text(latest, r, "agreement_id") + " " + Tables.text(latest, r, "indicator_id"));
            Double a = Tables.number(latest, r, "attainment");
            att.add(a);
            target.add(1.0);
            if (a != null && a >= 1.0) reached++;
        }
        String alt = "Bar chart of progress to target for " + labels.size() + " indicator results of agreements in "
                + "the latest period: " + reached + " of them have reached their target (100% or more).";
        return new Chart(id, ChartKind.BAR, "Progress of each indicator to its target", alt, "Agreement and indicator",
                "Progress to target (100% = target reached)", labels, List.of(new ChartSeries("Progress", att),
                new ChartSeries("Target", target)), ColumnType.RATE);
    }

    /** Actual values of one indicator over reporting periods, one line per agreement. */
    static Chart indicatorTrend(String id, String indicatorName, DataTable results) {
        if (results == null || results.rows().isEmpty()) return null;
        TreeSet<String> periods = new TreeSet<>(Tables.texts(results, "period"));
        Map<String, Map<String, Double>> byAgreement = new LinkedHashMap<>();
        for (List<Object> r : results.rows()) {
            byAgreement.computeIfAbsent(Tables.text(results, r, "agreement_id"), x -> new LinkedHashMap<>())
                    .put(Tables.text(results, r, "period"), Tables.number(results, r, "actual"));
        }
        List<String> cats = List.copyOf(periods);
        List<ChartSeries> series = new ArrayList<>();
        StringBuilder finding = new StringBuilder();
        for (var e : byAgreement.entrySet()) {
            List<Double> v = cats.stream().map(p -> e.getValue().get(p)).toList();
            series.add(new ChartSeries(e.getKey(), v));
            List<Double> known = v.stream().filter(Objects::nonNull).toList();
            if (known.size() >= 2) {
                finding.append(String.format(Locale.ROOT, " %s went from %s to %s.", e.getKey(),
                        plain(known.get(0)), plain(known.get(known.size() - 1))));
            }
        }
        String alt = "Line chart of " + indicatorName + " over " + cats.size() + " periods from " + cats.get(0) + " to "
                + cats.get(cats.size() - 1) + "." + finding;
        return new Chart(id, ChartKind.LINE, "Trend by period: " + indicatorName, alt, "Period",
                "Actual value", cats, series);
    }

    /** An impact estimate across as-of dates, with its 95% confidence interval drawn as a band. */
    static Chart impactTrend(String id, String label, List<String> asOfs, List<Double> est, List<Double> low,
                             List<Double> high) {
        if (asOfs.isEmpty() || est.stream().allMatch(Objects::isNull)) return null;
        int last = est.size() - 1;
        String alt = "Line chart of the impact estimate " + label + " across " + asOfs.size() + " report dates with "
                + "its 95% confidence interval. The latest estimate is " + plain(est.get(last)) + " (95% interval "
                + plain(low.get(last)) + " to " + plain(high.get(last)) + ").";
        return new Chart(id, ChartKind.BAND, "Impact estimate " + label + " with 95% confidence band", alt,
                "As of", "Estimated change", asOfs, List.of(new ChartSeries("Estimate", est),
                new ChartSeries("95% CI low", low), new ChartSeries("95% CI high", high)));
    }

    /** Observed first-digit shares of a partner's expenditures against Benford's expected shares. */
    static Chart benford(String id, String partnerLabel, DataTable digits) {
        if (digits == null || digits.rows().isEmpty()) return null;
        List<String> cats = Tables.texts(digits, "digit");
        List<Double> obs = Tables.numbers(digits, "observed_share");
        List<Double> exp = Tables.numbers(digits, "expected_share");
        int worst = 0;
        for (int i = 0; i < cats.size(); i++) {
            if (obs.get(i) != null && exp.get(i) != null && (obs.get(worst) == null
                    || Math.abs(obs.get(i) - exp.get(i)) > Math.abs(obs.get(worst) - exp.get(worst)))) worst = i;
        }
        String alt = obs.get(worst) == null ? "Bar chart of first-digit shares; no observed values."
                : "Bar chart of the first digits of " + partnerLabel + "'s expenditures against Benford's law. The "
                + "largest gap is at digit " + cats.get(worst) + ": " + CellFormatter.display(obs.get(worst), ColumnType.RATE)
                + " observed against " + CellFormatter.display(exp.get(worst), ColumnType.RATE) + " expected.";
        return new Chart(id, ChartKind.BAR, "First digits of expenditures: observed and Benford expected", alt,
                "First digit", "Share of expenditures", cats, List.of(new ChartSeries("Observed", obs),
                new ChartSeries("Benford expected", exp)), ColumnType.RATE);
    }

    /** A number as the tables print it (NUMBER columns: at most six decimals). */
    private static String plain(Double d) {
        return d == null ? "not available" : CellFormatter.display(d, ColumnType.NUMBER);
    }

    private static String share(double part, double whole) {
        return whole == 0 ? "none" : CellFormatter.display(part / whole, ColumnType.RATE);
    }
}
