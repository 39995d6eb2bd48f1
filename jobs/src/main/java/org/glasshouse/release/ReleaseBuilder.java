package org.glasshouse.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.glasshouse.config.GlasshouseProperties;
import org.glasshouse.publish.ReleasePublisher;
import org.glasshouse.release.standards.ReleaseContext;
import org.glasshouse.release.standards.StandardsExports;
import org.glasshouse.release.standards.StandardsFile;
import org.glasshouse.release.standards.StandardsSettings;
import org.glasshouse.report.DisclosureControl;
import org.glasshouse.report.MethodologyEntry;
import org.glasshouse.report.PageSettings;
import org.glasshouse.report.PublicTable;
import org.glasshouse.report.ReleaseChanges;
import org.glasshouse.report.ReleaseRelations;
import org.glasshouse.report.ReportAssembler;
import org.glasshouse.report.sdc.DisclosureAuditFile;
import org.glasshouse.report.sdc.DisclosureSettings;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Report;
import org.glasshouse.reports.render.PdfRenderer;
import org.glasshouse.reports.render.SiteRenderer;

/**
 * Builds a complete release folder from the public tables: disclosure control over the whole release first (so the
 * pages, charts, PDF, every data format and the 360Giving and IATI files are made from the same suppressed cells),
 * the manifest, then the changes against the previous release and their reasons, the pages and charts,
 * CSV/JSON/Parquet, the standards files, the PDF, and the catalogue files. SHA256SUMS is added by the publisher,
 * which verifies the folder before switching the public entry point to it.
 */
public final class ReleaseBuilder {

    /**
     * @param tables          the public tables before disclosure control, by name, in publication order
     * @param impactHistory   impact_estimates across as-of dates (before disclosure control), or null
     * @param previousRelease the release currently published, or null
     * @param pages           report-an-error route and list bounds of the pages
     * @param standards       identifiers of the 360Giving and IATI files
     */
    public record Request(String title, LocalDate asOf, String runId, String releaseId, String currency,
                          Map<String, PublicTable> specs, Map<String, DataTable> tables, DataTable impactHistory,
                          List<MethodologyEntry> methodology, Path previousRelease, Path inputsJson,
                          GlasshouseProperties props, PageSettings pages, StandardsSettings standards) {}

    private ReleaseBuilder() {}

    public static Report build(Request r, Path staging, ParquetTableWriter parquet) throws IOException {
        return build(r, null, staging, parquet);
    }

    /** @param disclosure protection level, cost and time limit of disclosure control (null: their defaults) */
    public static Report build(Request r, DisclosureSettings disclosure, Path staging, ParquetTableWriter parquet)
            throws IOException {
        return build(r, disclosure, staging, parquet, null);
    }

    /**
     * What earlier builds computed, by their inputs; the release is the same bytes with or without them, only the
     * time differs. Any of them may be null (computed every time).
     *
     * @param disclosure disclosure control's outcomes
     * @param charts     charts drawn
     * @param parquet    open-data Parquet files written
     */
    public record Caches(DisclosureOutcomeCache disclosure, SiteRenderer.ChartStore charts, ParquetCache parquet) {}

    /** @param caches earlier builds' work (null: none) */
    public static Report build(Request r, DisclosureSettings disclosure, Path staging, ParquetTableWriter parquet,
                               Caches caches) throws IOException {
        DisclosureOutcomeCache cache = caches == null ? null : caches.disclosure();
        DisclosureControl sdc = new DisclosureControl(r.props().getReport().getMinimumCellSize(), disclosure);
        // Fails (and so publishes nothing) when the audit finds a small count narrowed below its protection level.
        DisclosureOutcomeCache.Result sdcOutcome = cache != null
                ? cache.protect(sdc, r.specs(), r.tables(), ReleaseRelations.all(), String.valueOf(disclosure))
                : solve(sdc, r);
        Map<String, DataTable> safe = sdcOutcome.tables();
        DataTable history = r.impactHistory() == null || !r.specs().containsKey(r.impactHistory().name()) ? null
                : sdc.history(r.specs().get(r.impactHistory().name()), r.impactHistory(),
                safe.get(r.impactHistory().name()), r.asOf().toString());

        ReleasePublisher.deleteTree(staging);
        Files.createDirectories(staging);
        ReleaseManifest.write(staging, new ReleaseManifest.Facts(r.runId(), r.releaseId(), r.asOf().toString(),
                r.inputsJson(), r.props().getContractsDir(), r.props().getRules().getSeverity(),
                List.copyOf(r.tables().keySet()), sdc.k(), r.props().getThresholds().toThresholds()));

        Map<String, List<String>> keys = new LinkedHashMap<>();
        r.specs().forEach((name, spec) -> keys.put(name, spec.orderBy()));
        ReleaseChanges changes = ChangeDetector.compare(r.previousRelease(), List.copyOf(safe.values()), keys,
                staging.resolveSibling(staging.getFileName() + "-compare"), staging.resolve(ReportAssembler.MANIFEST),
                r.releaseId());

        Report report = ReportAssembler.assemble(new ReportAssembler.Inputs(r.title(), r.asOf(), r.runId(),
                r.currency(), sdc.k(), safe, r.methodology(), changes, history, sdcOutcome.audit(), r.pages()));
        SiteRenderer.renderCharts(report, staging, caches == null ? null : caches.charts());
        // The PDF needs only the charts: it is laid out on a second thread while the pages and open data are written.
        ExecutorService pdfThread = Executors.newSingleThreadExecutor(run -> {
            Thread t = new Thread(run, "release-pdf");
            t.setDaemon(true);
            return t;
        });
        Future<Path> pdf = pdfThread.submit(() -> PdfRenderer.render(report, staging));
        pdfThread.shutdown();
        List<StandardsFile> standards;
        GlasshouseProperties.Release meta = r.props().getRelease();
        try {
            SiteRenderer.renderPages(report, staging);
            org.glasshouse.CrashPoint.reach("report"); // pages staged, open data not yet
            for (DataTable t : report.openData()) {
                Path file = staging.resolve("data").resolve(t.name() + ".parquet");
                if (caches != null && caches.parquet() != null) caches.parquet().write(parquet, t, file);
                else parquet.write(t, file);
            }
            standards = StandardsExports.write(staging, new ReleaseContext(r.asOf(), r.releaseId(),
                    r.currency(), safe, meta.getPublisher(), base(meta), meta.getLicense(), r.standards()));
            pdf.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the report's PDF was laid out", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } finally {
            // Never leave the PDF thread writing into a staging folder that a failed step's restart recreates.
            awaitQuietly(pdf);
        }
        DisclosureAuditFile.write(staging, staging.resolveSibling(DisclosureAuditFile.PRIVATE), sdcOutcome.audit());

        OpenDataPackage.write(staging, report.openData(), standards, meta, r.releaseId(), r.asOf().toString());
        DcatCatalog.write(staging, report.openData(), standards, meta, r.releaseId(), r.asOf().toString());
        return report;
    }

    private static void awaitQuietly(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.CancellationException ignored) {
            // reported by the main path
        }
    }

    private static DisclosureOutcomeCache.Result solve(DisclosureControl sdc, Request r) {
        DisclosureControl.Outcome o = sdc.protect(r.specs(), r.tables(), ReleaseRelations.all());
        return new DisclosureOutcomeCache.Result(o.tables(), o.audit(), false);
    }

    static String base(GlasshouseProperties.Release meta) {
        String b = meta.getBaseUrl();
        return b.endsWith("/") ? b : b + "/";
    }
}
