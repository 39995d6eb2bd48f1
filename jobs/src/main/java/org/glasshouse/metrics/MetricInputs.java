package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The curated tables metrics are computed from, already cut to the as-of date: activity dated after it does not
 * exist yet for this computation, so a past as-of date reproduces what was known then. Also carries the thresholds
 * flags are judged against and the validate step's accounting (for data quality and timeliness).
 */
public record MetricInputs(
        LocalDate asOf,
        String reportingCurrency,
        Dataset<Row> partners,
        Dataset<Row> programmes,
        Dataset<Row> agreements,
        Dataset<Row> indicators,
        Dataset<Row> fxRates,
        Dataset<Row> transactions,
        Dataset<Row> services,
        Dataset<Row> results,
        Dataset<Row> outcomeMeasurements,
        Thresholds thresholds,
        QualityInputs quality,
        Derived derived) {

    /** Inputs without kept intermediates (each table computes what it needs). */
    public MetricInputs(LocalDate asOf, String reportingCurrency, Dataset<Row> partners, Dataset<Row> programmes,
                        Dataset<Row> agreements, Dataset<Row> indicators, Dataset<Row> fxRates,
                        Dataset<Row> transactions, Dataset<Row> services, Dataset<Row> results,
                        Dataset<Row> outcomeMeasurements, Thresholds thresholds, QualityInputs quality) {
        this(asOf, reportingCurrency, partners, programmes, agreements, indicators, fxRates, transactions, services,
                results, outcomeMeasurements, thresholds, quality, Derived.NONE);
    }

    /** Builds inputs from a loader of curated tables by dataset name, applying the as-of cut. */
    public static MetricInputs of(LocalDate asOf, String reportingCurrency, Function<String, Dataset<Row>> curated) {
        Dataset<Row> partners = curated.apply("partners");
        return new MetricInputs(asOf, reportingCurrency, partners, curated.apply("programmes"),
                curated.apply("agreements"), curated.apply("indicators"), curated.apply("fx_rates"),
                curated.apply("transactions"), curated.apply("services"), curated.apply("results"),
                curated.apply("outcome_measurements"), Thresholds.DEFAULTS,
                QualityInputs.empty(partners.sparkSession())).cut();
    }

    /**
     * Drops activity dated after as-of. Results count once their period has ended (a month's figure is known at
     * the month's end), so period end ≤ as-of.
     */
    public MetricInputs cut() {
        Column d = lit(asOf);
        return new MetricInputs(asOf, reportingCurrency, partners, programmes, agreements, indicators, fxRates,
                transactions.filter(col("date").leq(d)), services.filter(col("service_date").leq(d)),
                results.filter(Periods.end(col("period")).leq(d)),
                outcomeMeasurements.filter(col("measured_on").leq(d)), thresholds, quality, derived);
    }

    /**
     * The same inputs keeping the intermediate tables several metric tables build on (the fused scans of services
     * and transactions, agreement money, data quality) for the step. The curated tables themselves are not cached:
     * each fused scan reads only the columns it needs from Parquet.
     */
    public MetricInputs keepingIntermediates() {
        return new MetricInputs(asOf, reportingCurrency, partners, programmes, agreements, indicators, fxRates,
                transactions, services, results, outcomeMeasurements, thresholds, quality, Derived.keeping());
    }

    /** Releases what {@link #keepingIntermediates()} kept. */
    public void release() {
        derived.release();
    }

    public MetricInputs withThresholds(Thresholds t) {
        return new MetricInputs(asOf, reportingCurrency, partners, programmes, agreements, indicators, fxRates,
                transactions, services, results, outcomeMeasurements, t, quality, derived);
    }

    public MetricInputs withQuality(QualityInputs q) {
        return new MetricInputs(asOf, reportingCurrency, partners, programmes, agreements, indicators, fxRates,
                transactions, services, results, outcomeMeasurements, thresholds, q, derived);
    }

    /**
     * The inputs of a subset (analyst runs): only agreements of the programme and/or partner (null = any), and the
     * activity under them. Reference tables are narrowed so per-programme and per-partner totals cover the subset.
     */
    public MetricInputs restrictTo(String programmeId, String partnerId) {
        Column keep = lit(true);
        if (programmeId != null) keep = keep.and(col("programme_id").equalTo(programmeId));
        if (partnerId != null) keep = keep.and(col("partner_id").equalTo(partnerId));
        Dataset<Row> ag = agreements.filter(keep);
        Dataset<Row> ids = ag.select(col("agreement_id"));
        Dataset<Row> progs = programmes.join(ag.select("programme_id").distinct(), "programme_id");
        Dataset<Row> parts = partners.join(ag.select("partner_id").distinct(), "partner_id");
        Dataset<Row> inds = indicators.join(ag.select("programme_id").distinct(), "programme_id");
        Dataset<Row> files = partnerId == null ? quality.files()
                : quality.files().filter(col("partner_id").equalTo(partnerId));
        return new MetricInputs(asOf, reportingCurrency, parts, progs, ag, inds, fxRates,
                transactions.join(ids, "agreement_id"), services.join(ids, "agreement_id"),
                results.join(ids, "agreement_id"), outcomeMeasurements.join(ids, "agreement_id"), thresholds,
                new QualityInputs(files, quality.findings()), derived);
    }
}
