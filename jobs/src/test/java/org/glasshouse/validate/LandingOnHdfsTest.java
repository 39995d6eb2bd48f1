package org.glasshouse.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.glasshouse.contract.Contract;
import org.glasshouse.contract.ContractCatalog;
import org.glasshouse.ingest.HttpFetcher;
import org.glasshouse.ingest.IngestProperties;
import org.glasshouse.ingest.IngestResult;
import org.glasshouse.ingest.Ingestor;
import org.glasshouse.ingest.LandedFile;
import org.glasshouse.ingest.LandingManifest;
import org.glasshouse.storage.Location;
import org.glasshouse.testing.MiniHdfs;
import org.glasshouse.testing.SharedSpark;
import org.glasshouse.validate.read.FileInspector;
import org.glasshouse.validate.read.FileParser;
import org.glasshouse.validate.read.InputLimits;
import org.glasshouse.validate.read.LandedInput;
import org.glasshouse.validate.read.ParseTask;
import org.glasshouse.validate.read.Pseudonymiser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The landing zone on a real HDFS (MiniDFSCluster in this JVM, glasshouse.storage.landing-uri): the same input (CSV,
 * JSON Lines, .xlsx and Parquet files) ingested into a local landing zone and into one on HDFS, then every landed
 * file inspected and parsed by Spark tasks from each. The manifests, the findings and every parsed row must be
 * equal; the landed copies and the per-file manifest objects must be on HDFS, and nothing local.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LandingOnHdfsTest {

    static final Path SAMPLE = Path.of("..", "sample-data").toAbsolutePath().normalize();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-30T01:00:00Z"), ZoneOffset.UTC);
    static final InputLimits LIMITS = InputLimits.defaults();

    Path dir;
    Path input;
    Path work;
    Location localZone;
    Location hdfsZone;
    FileSystem hdfs;
    IngestResult localResult;
    IngestResult hdfsResult;
    /** Data rows of each source file (lines after the header). */
    final Map<String, Integer> sourceRows = new LinkedHashMap<>();

    @BeforeAll
    void ingestLocallyAndOnHdfs() throws IOException {
        hdfs = MiniHdfs.fs();
        dir = Files.createTempDirectory("landing-on-hdfs");
        input = dir.resolve("input");
        Path p01 = Files.createDirectories(input.resolve("inbox/P01"));
        Path p02 = Files.createDirectories(input.resolve("inbox/P02"));
        Path p03 = Files.createDirectories(input.resolve("inbox/P03"));
        copy(SAMPLE.resolve("inbox/P01/services-2026-09.csv"), p01.resolve("services-2026-09.csv"));
        copy(SAMPLE.resolve("inbox/P01/transactions.jsonl"), p01.resolve("transactions.jsonl"));
        FixtureFiles.xlsx(SAMPLE.resolve("inbox/P02/services-2026-09.csv"), p02.resolve("services-2026-09.xlsx"));
        sourceRows.put("services-2026-09.xlsx", dataLines(SAMPLE.resolve("inbox/P02/services-2026-09.csv")));
        FixtureFiles.parquet(SAMPLE.resolve("inbox/P03/services-2026-09.csv"), p03.resolve("services-2026-09.parquet"));
        sourceRows.put("services-2026-09.parquet", dataLines(SAMPLE.resolve("inbox/P03/services-2026-09.csv")));
        Files.createDirectories(input.resolve("reference"));
        copy(SAMPLE.resolve("reference/partners.csv"), input.resolve("reference/partners.csv"));

        localZone = Location.of(dir.resolve("local-out/private/landing"));
        hdfsZone = Location.of(MiniHdfs.uri() + "/landing-test-" + System.nanoTime() + "/landing");
        work = dir.resolve("hdfs-out/private/ingest-work");
        localResult = ingestor(localZone).ingest(input, "1");
        hdfsResult = ingestor(hdfsZone).ingest(input, "1");
    }

    private Ingestor ingestor(Location zone) {
        return new Ingestor(zone, work, ContractCatalog.DATASETS, CLOCK, List.of(), System::getenv,
                IngestProperties.UNLIMITED, HttpFetcher.Transport.DEFAULT);
    }

    private void copy(Path from, Path to) throws IOException {
        Files.copy(from, to);
        sourceRows.put(to.getFileName().toString(), dataLines(from));
    }

    private static int dataLines(Path csvOrJsonl) throws IOException {
        List<String> lines = Files.readAllLines(csvOrJsonl, StandardCharsets.UTF_8);
        lines.removeIf(String::isBlank);
        return csvOrJsonl.toString().endsWith(".jsonl") ? lines.size() : lines.size() - 1;
    }

    @Test
    void theManifestOnHdfsEqualsTheLocalOneAndIsOneObjectPerFile() throws IOException {
        List<LandedFile> local = new LandingManifest(localZone).entries();
        List<LandedFile> onHdfs = new LandingManifest(hdfsZone).entries();
        assertThat(local).extracting(LandedFile::originalName).containsExactly("partners.csv",
                "services-2026-09.csv", "transactions.jsonl", "services-2026-09.xlsx", "services-2026-09.parquet");
        assertThat(onHdfs).isEqualTo(local);
        assertThat(hdfsResult.landed()).isEqualTo(localResult.landed());
        assertThat(hdfsResult.findings()).isEqualTo(localResult.findings());

        TreeSet<String> stored = hdfsFiles(hdfsZone);
        TreeSet<String> expected = new TreeSet<>();
        for (int i = 0; i < local.size(); i++) {
            LandedFile f = local.get(i);
            expected.add(f.path());
            expected.add(String.format("manifest/%010d-%s.json", i + 1, f.sha256()));
        }
        // The five landed copies, one manifest object each, nothing else (no manifest.jsonl, no _incoming leftover).
        assertThat(stored).isEqualTo(expected).hasSize(10);
        for (LandedFile f : local) {
            assertThat(hdfsZone.resolve(f.path()).readAllBytes()).as(f.path())
                    .isEqualTo(localZone.resolve(f.path()).readAllBytes());
        }
        // Each object holds the entry's JSON line, the same bytes a local manifest object has.
        for (String m : expected) {
            if (m.startsWith("manifest/")) {
                assertThat(hdfsZone.resolve(m).readAllBytes()).isEqualTo(localZone.resolve(m).readAllBytes());
            }
        }
    }

    @Test
    void nothingIsLandedOnTheLocalDiskAndASecondRunLandsNothingNew() throws IOException {
        try (var s = Files.walk(dir.resolve("hdfs-out"))) {
            assertThat(s.filter(Files::isRegularFile).toList()).isEmpty();
        }
        assertThat(dir.resolve("hdfs-out/private/landing")).doesNotExist();
        IngestResult again = ingestor(hdfsZone).ingest(input, "2");
        assertThat(again.landed()).isEmpty();
        assertThat(again.alreadyIngested()).isEqualTo(5);
        assertThat(new LandingManifest(hdfsZone).entries()).hasSize(5);
    }

    @Test
    void everyLandedFileParsesOnSparkFromHdfsExactlyAsFromTheLocalDisk() throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SharedSpark.get().sparkContext());
        Pseudonymiser pseudonymiser = new Pseudonymiser("landing-test-key");
        ContractCatalog contracts = ContractCatalog.embedded();
        int checked = 0;
        for (LandedFile f : LandingManifest.activeSet(new LandingManifest(localZone).entries())) {
            if (f.isReference()) continue;
            Contract contract = contracts.get(f.dataset());
            FileInspector.Inspection local = FileInspector.inspect(f.fileId(), f.partnerId(),
                    LandedInput.of(localZone.resolve(f.path())), f.format(), contract, LIMITS);
            FileInspector.Inspection onHdfs = FileInspector.inspect(f.fileId(), f.partnerId(),
                    LandedInput.of(hdfsZone.resolve(f.path())), f.format(), contract, LIMITS);
            assertThat(onHdfs.findings()).as(f.originalName()).isEqualTo(local.findings());
            assertThat(local.task()).as(f.originalName()).isNotNull();
            assertThat(local.task().path()).startsWith("/");
            assertThat(onHdfs.task().path()).startsWith("hdfs://");
            List<Row> localRows = parse(jsc, pseudonymiser, local.task());
            List<Row> hdfsRows = parse(jsc, pseudonymiser, onHdfs.task());
            assertThat(localRows).as(f.originalName()).hasSize(sourceRows.get(f.originalName()));
            assertThat(hdfsRows).as(f.originalName()).isEqualTo(localRows);
            checked++;
        }
        assertThat(checked).isEqualTo(4);
    }

    @Test
    void aMissingLandedCopyOnHdfsIsTheAgencysFault() throws IOException {
        Location missing = hdfsZone.resolve("P09/" + "0".repeat(64) + "/services.csv");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FileInspector.inspect("f", "P09",
                        LandedInput.of(missing), "csv", ContractCatalog.embedded().get("services"), LIMITS))
                .isInstanceOf(java.nio.file.FileSystemException.class);
    }

    private static List<Row> parse(JavaSparkContext jsc, Pseudonymiser pseudonymiser, ParseTask task) {
        FileParser parser = FileParser.forTasks(jsc, pseudonymiser, LIMITS, List.of(task));
        return new ArrayList<>(jsc.parallelize(List.of(task), 1).flatMap(parser).collect());
    }

    private TreeSet<String> hdfsFiles(Location folder) throws IOException {
        TreeSet<String> files = new TreeSet<>();
        org.apache.hadoop.fs.Path d = hdfs.makeQualified(folder.path());
        RemoteIterator<LocatedFileStatus> it = hdfs.listFiles(d, true);
        while (it.hasNext()) {
            files.add(it.next().getPath().toUri().getPath().substring(d.toUri().getPath().length() + 1));
        }
        return files;
    }
}
