package org.glasshouse.release;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasshouse.config.GlasshouseProperties;
import org.glasshouse.publish.ReleasePublisher;
import org.glasshouse.report.DisclosureControl;
import org.glasshouse.report.MethodologyEntry;
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
 * pages, charts, PDF and every data format are made from the same suppressed cells), then the changes against the
 * previous release, the pages and charts, CSV/JSON/Parquet, the PDF, and the catalogue files. SHA256SUMS is added by
 * the publisher, which verifies the folder before switching the public entry point to it.
 */
public final class ReleaseBuilder {

    /**
     * @param tables          the public tables before disclosure control, by name, in publication order
     * @param impactHistory   impact_estimates across as-of dates (before disclosure control), or null
     * @param previousRelease the release currently published, or null
     */
    public record Request(String title, LocalDate asOf, String runId, String releaseId, String currency,
                          Map<String, PublicTable> specs, Map<String, DataTable> tables, DataTable impactHistory,
                          List<MethodologyEntry> methodology, Path previousRelease, Path inputsJson,
                          GlasshouseProperties props) {}

    private ReleaseBuilder() {}

    public static Report build(Request r, Path staging, ParquetTableWriter parquet) throws IOException {
        return build(r, null, staging, parquet);
    }

    /** @param disclosure protection level, cost and time limit of disclosure control (null: their defaults) */
    public static Report build(Request r, DisclosureSettings disclosure, Path staging, ParquetTableWriter parquet)
            throws IOException {
        DisclosureControl sdc = new DisclosureControl(r.props().getReport().getMinimumCellSize(), disclosure);
        // Fails (and so publishes nothing) when the audit finds a small count narrowed below its protection level.
        DisclosureControl.Outcome sdcOutcome = sdc.protect(r.specs(), r.tables(), ReleaseRelations.all());
        Map<String, DataTable> safe = sdcOutcome.tables();
        DataTable history = r.impactHistory() == null || !r.specs().containsKey(r.impactHistory().name()) ? null
                : sdc.history(r.specs().get(r.impactHistory().name()), r.impactHistory(),
                safe.get(r.impactHistory().name()), r.asOf().toString());

        Map<String, List<String>> keys = new LinkedHashMap<>();
        r.specs().forEach((name, spec) -> keys.put(name, spec.orderBy()));
        ReleasePublisher.deleteTree(staging);
        ReleaseChanges changes = ChangeDetector.compare(r.previousRelease(), List.copyOf(safe.values()), keys,
                staging.resolveSibling(staging.getFileName() + "-compare"));

        Report report = ReportAssembler.assemble(new ReportAssembler.Inputs(r.title(), r.asOf(), r.runId(),
                r.currency(), sdc.k(), safe, r.methodology(), changes, history, sdcOutcome.audit()));
        SiteRenderer.render(report, staging);
        org.glasshouse.CrashPoint.reach("report"); // pages staged, open data and PDF not yet
        for (DataTable t : report.openData()) parquet.write(t, staging.resolve("data").resolve(t.name() + ".parquet"));
        PdfRenderer.render(report, staging);

        DisclosureAuditFile.write(staging, staging.resolveSibling(DisclosureAuditFile.PRIVATE), sdcOutcome.audit());
        GlasshouseProperties.Release meta = r.props().getRelease();
        ReleaseManifest.write(staging, new ReleaseManifest.Facts(r.runId(), r.releaseId(), r.asOf().toString(),
                r.inputsJson(), r.props().getContractsDir(), r.props().getRules().getSeverity(),
                List.copyOf(r.tables().keySet()), sdc.k()));
        OpenDataPackage.write(staging, report.openData(), meta, r.releaseId(), r.asOf().toString());
        DcatCatalog.write(staging, report.openData(), meta, r.releaseId(), r.asOf().toString());
        return report;
    }
}
