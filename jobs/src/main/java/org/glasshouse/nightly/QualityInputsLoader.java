package org.glasshouse.nightly;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.contract.ContractCatalog;
import org.glasshouse.ingest.LandedFile;
import org.glasshouse.ingest.LandingManifest;
import org.glasshouse.metrics.QualityInputs;
import org.glasshouse.parquet.LocalParquet;
import org.glasshouse.validate.FileAccount;
import org.glasshouse.validate.ValidationReport;
import org.glasshouse.validate.read.FileFinding;
import org.glasshouse.validate.read.RawRows;

/**
 * Loads a run's row accounting (accounting.json), submission times (landing manifest) and findings (row-level
 * Parquet plus file-level findings) as {@link QualityInputs}. One accounting row per file: small, so it is read on
 * the driver; the findings stay in Spark.
 */
public final class QualityInputsLoader {

    private QualityInputsLoader() {}

    public static QualityInputs load(SparkSession spark, RunPaths paths) throws IOException {
        if (!Files.isRegularFile(paths.accountingFile())) return QualityInputs.empty(spark);
        ValidationReport report = IngestTasklet.JSON.readValue(paths.accountingFile().toFile(), ValidationReport.class);
        Map<String, LandedFile> landed = new HashMap<>();
        for (LandedFile f : new LandingManifest(paths.landingZone()).entries()) landed.put(f.fileId(), f);
        List<Row> files = new ArrayList<>();
        for (FileAccount a : report.files()) {
            LandedFile f = landed.get(a.fileId());
            String name = f != null ? f.originalName() : Path.of(a.file()).getFileName().toString();
            files.add(RowFactory.create(a.fileId(), a.partnerId(), a.dataset(), name,
                    f == null ? null : timestamp(f.submittedAt()), a.read(), a.accepted(), a.quarantined()));
        }
        List<Row> fileFindings = new ArrayList<>();
        for (FileFinding ff : report.fileFindings() == null ? List.<FileFinding>of() : report.fileFindings()) {
            fileFindings.add(RowFactory.create(ff.fileId(), ff.severity()));
        }
        Dataset<Row> findings = spark.createDataFrame(fileFindings, QualityInputs.FINDINGS);
        for (String d : ContractCatalog.DATASETS) {
            org.glasshouse.storage.Location p = paths.findingsDir().resolve(d);
            if (p.isDirectory()) {
                findings = findings.unionByName(LocalParquet.sparkRead(spark, p)
                        .select(col(RawRows.FILE_ID).as("file_id"), col("severity")));
            }
        }
        return new QualityInputs(spark.createDataFrame(files, QualityInputs.FILES), findings);
    }

    private static Timestamp timestamp(String iso) {
        if (iso == null || iso.isBlank()) return null;
        try {
            return Timestamp.from(Instant.parse(iso));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
