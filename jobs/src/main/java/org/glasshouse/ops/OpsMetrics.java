package org.glasshouse.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Run figures as Micrometer gauges in a Prometheus registry, so they are written in the Prometheus text format by
 * the registry itself: to a file for the node exporter's textfile collector after each run, and on the scrape
 * endpoint of {@code schedule} mode. Figures of the last run are replaced as a whole by each run; the site's age
 * and staleness are computed when read, so a scrape between runs sees the site getting older.
 */
public final class OpsMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Path out;
    private final Duration maxSiteAge;
    private final Clock clock;
    private volatile RunFigures figures;

    private final MultiGauge stepSeconds;
    private final MultiGauge rowsRead;
    private final MultiGauge rowsAccepted;
    private final MultiGauge rowsQuarantined;
    private final MultiGauge filesRefused;
    private final MultiGauge partnerLastFile;
    private final MultiGauge failure;
    private final MultiGauge release;

    /**
     * @param out        the output folder whose published site is watched
     * @param maxSiteAge how old the published site may get before it counts as stale
     */
    public OpsMetrics(Path out, Duration maxSiteAge, Clock clock) {
        this.out = out.toAbsolutePath().normalize();
        this.maxSiteAge = maxSiteAge;
        this.clock = clock;
        // 0 rather than NaN before any run: "no success for 26 h" must fire for a pipeline that never succeeded.
        Gauge.builder("glasshouse.last.success.timestamp", this,
                        m -> m.figures == null ? 0 : seconds(m.figures.lastSuccess())).baseUnit("seconds")
                .description("End of the newest run that completed and published (0: none yet)").register(registry);
        figureGauge("glasshouse.last.run.timestamp", "seconds", "End of the newest run, whatever its outcome",
                f -> seconds(f.ended()));
        figureGauge("glasshouse.last.run.id", null, "Run id of the newest run", f -> parse(f.runId()));
        figureGauge("glasshouse.last.run.failed", null, "1 when the newest run did not complete (failed or stopped)",
                f -> f.completed() ? 0 : 1);
        stepSeconds = MultiGauge.builder("glasshouse.step.duration").baseUnit("seconds")
                .description("Duration of each step of the newest run").register(registry);
        rowsRead = MultiGauge.builder("glasshouse.rows.read")
                .description("Rows read in the newest run, per partner and dataset").register(registry);
        rowsAccepted = MultiGauge.builder("glasshouse.rows.accepted")
                .description("Rows accepted into curated data in the newest run").register(registry);
        rowsQuarantined = MultiGauge.builder("glasshouse.rows.quarantined")
                .description("Rows quarantined in the newest run").register(registry);
        filesRefused = MultiGauge.builder("glasshouse.files.refused")
                .description("Files refused whole (error-level file rule) in the newest run").register(registry);
        partnerLastFile = MultiGauge.builder("glasshouse.partner.last.file.timestamp").baseUnit("seconds")
                .description("When the partner's newest file arrived (0: never)").register(registry);
        failure = MultiGauge.builder("glasshouse.last.run.failure")
                .description("1 for the step the newest run failed at, and whether the failure is transient")
                .register(registry);
        release = MultiGauge.builder("glasshouse.site.release")
                .description("1 for the release the public site serves").register(registry);
        Gauge.builder("glasshouse.site.published.timestamp", () -> seconds(site().published())).baseUnit("seconds")
                .description("When the public site was switched to its current release (0: never)").register(registry);
        Gauge.builder("glasshouse.site.age", this::siteAgeSeconds).baseUnit("seconds")
                .description("Age of the public site's release (NaN: nothing published)").register(registry);
        Gauge.builder("glasshouse.site.max.age", () -> (double) maxSiteAge.toSeconds()).baseUnit("seconds")
                .description("How old the site may get under the schedule before it is stale").register(registry);
        Gauge.builder("glasshouse.site.stale", () -> stale() ? 1 : 0)
                .description("1 when the public site is older than the schedule allows, or nothing is published")
                .register(registry);
        refreshRelease();
    }

    /** Replaces the figures of the last run with these. */
    public synchronized void update(RunFigures f) {
        this.figures = f;
        List<MultiGauge.Row<?>> steps = new ArrayList<>();
        f.stepSeconds().forEach((step, s) -> steps.add(MultiGauge.Row.of(Tags.of("step", step), s)));
        stepSeconds.register(steps, true);
        rowsRead.register(rows(f, DatasetRows::read), true);
        rowsAccepted.register(rows(f, DatasetRows::accepted), true);
        rowsQuarantined.register(rows(f, DatasetRows::quarantined), true);
        filesRefused.register(rows(f, DatasetRows::filesRefused), true);
        List<MultiGauge.Row<?>> partners = new ArrayList<>();
        f.partnerLastFile().forEach((p, at) -> partners.add(MultiGauge.Row.of(Tags.of("partner", p), seconds(at))));
        partnerLastFile.register(partners, true);
        failure.register(f.failedStep() == null || f.failure() == null ? List.of()
                : List.of(MultiGauge.Row.of(Tags.of("step", f.failedStep(), "kind",
                        f.failure().kind().name().toLowerCase(java.util.Locale.ROOT)), 1)), true);
        refreshRelease();
    }

    /** Gauges of {@code schedule} mode: when the next run is due, and whether a failed run holds the scheduler. */
    public void watchSchedule(java.util.function.Supplier<Instant> nextRun, java.util.function.BooleanSupplier held) {
        Gauge.builder("glasshouse.schedule.next.run.timestamp", () -> {
            Instant t = nextRun.get();
            return t == null ? Double.NaN : t.toEpochMilli() / 1000.0;
        }).baseUnit("seconds").description("When the scheduler runs the nightly next").register(registry);
        Gauge.builder("glasshouse.schedule.held", () -> held.getAsBoolean() ? 1 : 0)
                .description("1 while a failed run waits for an operator (the scheduler starts no new run)")
                .register(registry);
    }

    public RunFigures figures() {
        return figures;
    }

    /** The registry, for gauges of the scheduler itself. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Everything in the Prometheus text exposition format (version 0.0.4). */
    public String scrape() {
        refreshRelease();
        return registry.scrape();
    }

    public boolean stale() {
        double age = siteAgeSeconds();
        return Double.isNaN(age) || age > maxSiteAge.toSeconds();
    }

    private synchronized void refreshRelease() {
        SiteState s = site();
        release.register(s.exists() ? List.of(MultiGauge.Row.of(Tags.of("release", s.release()), 1)) : List.of(),
                true);
    }

    private double siteAgeSeconds() {
        SiteState s = site();
        return s.published() == null ? Double.NaN
                : Duration.between(s.published(), clock.instant()).toMillis() / 1000.0;
    }

    private SiteState site() {
        return SiteState.read(out);
    }

    private void figureGauge(String name, String unit, String help, ToDoubleFunction<RunFigures> value) {
        Gauge.Builder<OpsMetrics> b = Gauge.builder(name, this, m -> m.figures == null ? Double.NaN
                : value.applyAsDouble(m.figures)).description(help);
        if (unit != null) b.baseUnit(unit);
        b.register(registry);
    }

    private static List<MultiGauge.Row<?>> rows(RunFigures f, ToDoubleFunction<DatasetRows> value) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (DatasetRows r : f.rows()) {
            rows.add(MultiGauge.Row.of(Tags.of("partner", r.partner(), "dataset", r.dataset()), value.applyAsDouble(r)));
        }
        return rows;
    }

    private static double seconds(Instant t) {
        return t == null ? 0 : t.toEpochMilli() / 1000.0;
    }

    private static double parse(String id) {
        try {
            return Double.parseDouble(id);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
