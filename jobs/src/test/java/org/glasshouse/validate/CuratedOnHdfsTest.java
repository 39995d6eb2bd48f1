package org.glasshouse.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.contract.ContractCatalog;
import org.glasshouse.feedback.FeedbackRows;
import org.glasshouse.feedback.FeedbackWriter;
import org.glasshouse.ingest.LandedFile;
import org.glasshouse.nightly.FeedbackFiles;
import org.glasshouse.nightly.RunPaths;
import org.glasshouse.parquet.LocalParquet;
import org.glasshouse.storage.Location;
import org.glasshouse.testing.MiniHdfs;
import org.glasshouse.testing.SharedSpark;
import org.glasshouse.validate.read.InputLimits;
import org.glasshouse.validate.read.Pseudonymiser;
import org.glasshouse.validate.rules.SeverityPolicy;
import org.glasshouse.validate.rules.StandardChecks;
import org.glasshouse.validate.units.FileUnits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curated data on HDFS (glasshouse.storage.curated-uri: {@link RunPaths#curatedRoot()} on an in-process
 * MiniDFSCluster): the per-file units are saved there, a run's curated, quarantine and findings folders are filled
 * there with copies of the units' files (no hard links on HDFS), a second run takes every file from its unit (the
 * landed files are gone, so reading one would fail it), and the rows equal those of the same files validated on the
 * local disk. Nothing of it is under OUT/private. Partner feedback written through a scratch folder on HDFS is
 * byte-identical to feedback written locally.
 */
class CuratedOnHdfsTest {

    @TempDir
    Path tmp;

    private static final String SERVICES_HEADER =
            "record_id,agreement_id,service_date,beneficiary_ref,service_type,units,region_code,age_band,sex,priority_group\n";
    private static final String TRX_HEADER = "transaction_id,agreement_id,date,type,amount,currency,description\n";
    private static final List<String> KINDS = List.of("curated", "quarantine", "findings");

    @Test
    void unitsAndRunFoldersLiveOnHdfsAndAreReused() throws Exception {
        FileSystem hdfs = MiniHdfs.fs();
        String root = MiniHdfs.uri() + "/curated-" + UUID.randomUUID();
        Path out = tmp.resolve("out");
        RunPaths run1 = new RunPaths(out, "1", null, null, Location.of(root));
        RunPaths run2 = run1.forRun("2");
        assertThat(run1.curated("services").uri()).isEqualTo(root + "/runs/1/curated/services");
        assertThat(run1.validated().uri()).isEqualTo(root + "/validated");

        Path landing = tmp.resolve("landing");
        List<LandedFile> night = new ArrayList<>(reference(landing));
        night.add(land(landing, "P01", "services", "services-a.csv", SERVICES_HEADER
                + "S-1,AGR-1,2025-03-10,B-1,counselling,1,R01,18-24,female,false\n"
                + "S-2,AGR-1,2025-03-11,B-2,counselling,2,R01,25-44,male,false\n", "2026-01-01T00:00:00Z"));
        night.add(land(landing, "P01", "transactions", "transactions-a.csv", TRX_HEADER
                + "T-1,AGR-1,2025-03-10,disbursement,100.00,USD,rent\n"
                + "T-2,AGR-1,2025-03-12,refund,50.00,USD,rent\n", "2026-01-01T00:00:00Z"));
        night.add(land(landing, "P01", "services", "services-b.csv", SERVICES_HEADER
                + "S-2,AGR-1,2025-04-01,B-9,counselling,1,R01,18-24,female,false\n"
                + "S-3,AGR-1,2025-04-02,B-3,counselling,1,R01,18-24,female,false\n", "2026-02-01T00:00:00Z"));
        night.add(land(landing, "P01", "transactions", "transactions-b.csv", TRX_HEADER
                + "T-3,AGR-1,2025-04-10,refund,80.00,USD,rent\n", "2026-02-01T00:00:00Z"));

        // Night 1 on HDFS, and the same files validated on the local disk with nothing reused.
        ValidationReport r1 = validate(night, landing, run1, new FileUnits(run1.validated(), "code-and-settings-1"));
        Path localRun = tmp.resolve("local-run");
        ValidationReport local = validate(night, landing, new RunPaths(localRun, "1"),
                FileUnits.throwaway(tmp.resolve("local-units")));
        assertThat(account(r1, "services-a.csv")).containsExactly(2L, 2L, 0L);
        assertThat(account(r1, "services-b.csv")).containsExactly(2L, 1L, 1L);
        assertThat(account(r1, "transactions-a.csv")).containsExactly(2L, 2L, 0L);
        assertThat(account(r1, "transactions-b.csv")).containsExactly(1L, 1L, 0L);
        assertThat(r1.files()).containsExactlyInAnyOrderElementsOf(local.files());

        // Units: one per landed file (5 reference files, 4 partner files), complete (unit.json), on HDFS.
        assertThat(files(hdfs, root + "/validated", "unit.json")).hasSize(9);
        assertThat(files(hdfs, root + "/validated", ".parquet").stream().filter(p -> p.contains("/.staging-")))
                .isEmpty();
        // The run's folders: copies of the services units' curated files (2 files with accepted rows), the units
        // keep theirs; the one quarantined row of services-b, the two XTR-001 refunds.
        List<String> unitCurated = files(hdfs, root + "/validated/services", ".parquet").stream()
                .filter(p -> p.contains("/curated/")).toList();
        List<String> runCurated = files(hdfs, root + "/runs/1/curated/services", ".parquet");
        assertThat(runCurated).hasSize(unitCurated.size()).isNotEmpty();
        assertThat(total(hdfs, runCurated)).isEqualTo(total(hdfs, unitCurated));
        assertThat(SharedSpark.get().read().parquet(run1.curated("services").sparkPath()).count()).isEqualTo(3);
        assertThat(SharedSpark.get().read().parquet(run1.quarantine("services").sparkPath()).count()).isEqualTo(1);
        assertThat(SharedSpark.get().read().parquet(run1.findingsDir().resolve("transactions").sparkPath())
                .filter("rule_id = 'XTR-001'").count()).isEqualTo(2);
        // A dataset with no file gets one schema-only Parquet file, written through HDFS.
        assertThat(files(hdfs, root + "/runs/1/curated/results", ".parquet"))
                .containsExactly(root + "/runs/1/curated/results/part-00000-empty.snappy.parquet");
        // Every output equals the local validation's, row for row; the footer-schema read works on HDFS.
        for (String kind : KINDS) {
            for (String d : ContractCatalog.DATASETS) {
                assertThat(rows(Location.of(root).resolve("runs", "1", kind, d)))
                        .as(kind + "/" + d).isEqualTo(rows(Location.of(localRun.resolve("private/runs/1/" + kind + "/" + d))));
            }
        }
        assertThat(LocalParquet.sparkRead(SharedSpark.get(), run1.curated("services")).schema())
                .isEqualTo(LocalParquet.sparkRead(SharedSpark.get(), Location.of(localRun.resolve("private/runs/1/curated/services"))).schema());
        // Nothing of the curated data under OUT.
        assertThat(out.resolve("private")).doesNotExist();

        // Night 2, same files: every file comes from its unit on HDFS. The landed files are deleted, so a file read
        // again would fail the night (the landed copy cannot be read: the agency's fault).
        for (LandedFile f : night) Files.delete(landing.resolve(f.path()));
        ValidationReport r2 = validate(night, landing, run2, new FileUnits(run2.validated(), "code-and-settings-1"));
        assertThat(r2.files()).containsExactlyElementsOf(r1.files());
        assertThat(r2.fileFindings()).containsExactlyElementsOf(r1.fileFindings());
        assertThat(files(hdfs, root + "/validated", "unit.json")).hasSize(9);
        for (String kind : KINDS) {
            for (String d : ContractCatalog.DATASETS) {
                assertThat(rows(Location.of(root).resolve("runs", "2", kind, d))).as("run 2 " + kind + "/" + d)
                        .isEqualTo(rows(Location.of(root).resolve("runs", "1", kind, d)));
            }
        }
        assertThat(out.resolve("private")).doesNotExist();

        // Feedback: Spark writes the CSV into a scratch folder on HDFS, the driver copies it to its local folder.
        Path hdfsFeedback = tmp.resolve("feedback-hdfs");
        Path localFeedback = tmp.resolve("feedback-local");
        new FeedbackWriter(hdfsFeedback, "1", run1.runData().resolve("tmp", "feedback")).write(
                FeedbackRows.of(SharedSpark.get(), run1.findingsDir(), ContractCatalog.DATASETS, r1.fileFindings(),
                        FeedbackFiles.of(night)), r1.files());
        new FeedbackWriter(localFeedback, "1").write(FeedbackRows.of(SharedSpark.get(),
                localRun.resolve("private/runs/1/findings"), ContractCatalog.DATASETS, local.fileFindings(),
                FeedbackFiles.of(night)), local.files());
        for (String folder : List.of("P01", FeedbackWriter.REFERENCE_FOLDER)) {
            for (String file : List.of("feedback.csv", "feedback.html")) {
                assertThat(hdfsFeedback.resolve(folder).resolve(file)).as(folder + "/" + file)
                        .hasSameBinaryContentAs(localFeedback.resolve(folder).resolve(file));
            }
        }
        assertThat(Files.readString(hdfsFeedback.resolve("P01/feedback.csv")).lines()
                .filter(l -> l.contains("XTR-001")).count()).isEqualTo(2);
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path(root + "/runs/1/tmp/feedback"))).isFalse();
    }

    private static ValidationReport validate(List<LandedFile> active, Path landing, RunPaths run, FileUnits units)
            throws Exception {
        SparkSession spark = SharedSpark.get();
        ContractCatalog contracts = ContractCatalog.embedded();
        DatasetValidator validator = new DatasetValidator(spark, StandardChecks.of(contracts, 0),
                new SeverityPolicy(Map.of()), new Pseudonymiser("test-secret"));
        return new ValidationRun(spark, contracts, validator, "USD", 0, 2, InputLimits.defaults()).run(active, landing,
                d -> new DatasetValidator.Outputs(run.curated(d), run.quarantine(d), run.findingsDir().resolve(d)),
                units);
    }

    /** The files under a folder (recursively) whose names end so, as URIs, sorted. */
    private static List<String> files(FileSystem fs, String dir, String suffix) throws Exception {
        List<String> out = new ArrayList<>();
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir);
        if (!fs.exists(p)) return out;
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(p, true);
        while (it.hasNext()) {
            String s = it.next().getPath().toString();
            if (s.endsWith(suffix)) out.add(s);
        }
        out.sort(null);
        return out;
    }

    private static long total(FileSystem fs, List<String> files) throws Exception {
        long n = 0;
        for (String f : files) n += fs.getFileStatus(new org.apache.hadoop.fs.Path(f)).getLen();
        return n;
    }

    /** Every row of a folder as text, sorted (order is not part of the contract). */
    private static TreeSet<String> rows(Location dir) {
        return SharedSpark.get().read().parquet(dir.sparkPath()).collectAsList().stream().map(Row::toString)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Long> account(ValidationReport r, String name) {
        FileAccount a = r.files().stream().filter(x -> x.file().endsWith("/" + name)).findFirst().orElseThrow();
        return List.of(a.read(), a.accepted(), a.quarantined());
    }

    private static List<LandedFile> reference(Path landing) throws Exception {
        Path src = Path.of(CuratedOnHdfsTest.class.getResource("/fixtures/reference/agreements.csv").toURI())
                .getParent();
        List<LandedFile> out = new ArrayList<>();
        for (String d : List.of("partners", "programmes", "agreements", "regions", "fx_rates")) {
            out.add(land(landing, LandedFile.REFERENCE, d, d + ".csv", Files.readString(src.resolve(d + ".csv")),
                    "2026-01-01T00:00:00Z"));
        }
        return out;
    }

    private static LandedFile land(Path landing, String partner, String dataset, String name, String text,
                                   String arrivedAt) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Path file = landing.resolve(partner).resolve(sha.substring(0, 12)).resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        String source = partner.equals(LandedFile.REFERENCE) ? "reference/" + name : "inbox/" + partner + "/" + name;
        return new LandedFile(sha, bytes.length, partner, dataset, "csv", name, source,
                landing.relativize(file).toString(), arrivedAt, arrivedAt, "r");
    }
}
