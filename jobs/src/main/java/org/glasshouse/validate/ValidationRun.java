package org.glasshouse.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.contract.Contract;
import org.glasshouse.contract.ContractCatalog;
import org.glasshouse.ingest.LandedFile;
import org.glasshouse.validate.read.FileFinding;
import org.glasshouse.validate.read.FileInspector;
import org.glasshouse.validate.read.FileRule;
import org.glasshouse.validate.read.ParseTask;
import org.glasshouse.validate.rules.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates a run's active input files: all reference datasets first (side by side), then all submitted datasets
 * (side by side), checked against the accepted reference rows. Fails loudly when row accounting does not hold for
 * any file.
 */
public final class ValidationRun {

    private static final Logger log = LoggerFactory.getLogger(ValidationRun.class);
    private static final List<String> READABLE_FORMATS = List.of("csv", "jsonl");

    /** Where one dataset's outputs go. */
    public interface Layout {
        DatasetValidator.Outputs outputs(String dataset);
    }

    private record DatasetResult(List<FileAccount> accounts, List<FileFinding> findings) {}

    private final SparkSession spark;
    private final ContractCatalog contracts;
    private final DatasetValidator validator;
    private final String reportingCurrency;
    private final int graceDays;
    private final int parallelism;

    public ValidationRun(SparkSession spark, ContractCatalog contracts, DatasetValidator validator,
                         String reportingCurrency, int graceDays, int parallelism) {
        this.spark = spark;
        this.contracts = contracts;
        this.validator = validator;
        this.reportingCurrency = reportingCurrency;
        this.graceDays = graceDays;
        this.parallelism = Math.max(1, parallelism);
    }

    public ValidationReport run(List<LandedFile> active, Path landingDir, Layout layout) throws IOException {
        List<String> referenceSets = ContractCatalog.DATASETS.stream()
                .filter(d -> contracts.get(d).kind() == Contract.Kind.REFERENCE).toList();
        List<String> submittedSets = ContractCatalog.DATASETS.stream()
                .filter(d -> contracts.get(d).kind() == Contract.Kind.SUBMITTED).toList();
        List<FileAccount> accounts = new ArrayList<>();
        List<FileFinding> findings = new ArrayList<>();
        Map<String, Dataset<Row>> reference = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            for (DatasetResult r : phase(pool, referenceSets, active, landingDir, layout, Map.of())) {
                accounts.addAll(r.accounts());
                findings.addAll(r.findings());
            }
            for (String d : referenceSets) {
                reference.put(d, spark.read().parquet(layout.outputs(d).curated().toString()).cache());
            }
            for (DatasetResult r : phase(pool, submittedSets, active, landingDir, layout, reference)) {
                accounts.addAll(r.accounts());
                findings.addAll(r.findings());
            }
        } finally {
            pool.shutdownNow();
            reference.values().forEach(Dataset::unpersist);
        }
        List<FileAccount> unbalanced = accounts.stream().filter(a -> !a.balances()).toList();
        if (!unbalanced.isEmpty()) throw new RowAccountingException(unbalanced);
        return new ValidationReport(accounts, findings);
    }

    /** Validates independent datasets concurrently; results come back in dataset order. */
    private List<DatasetResult> phase(ExecutorService pool, List<String> datasets, List<LandedFile> active,
                                      Path landingDir, Layout layout, Map<String, Dataset<Row>> reference)
            throws IOException {
        List<Future<DatasetResult>> futures = new ArrayList<>();
        for (String d : datasets) {
            futures.add(pool.submit(() -> validateDataset(d, active, landingDir, layout, reference)));
        }
        List<DatasetResult> results = new ArrayList<>();
        try {
            for (Future<DatasetResult> f : futures) results.add(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("validation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof IOException io) throw io;
            throw new IllegalStateException(e.getCause());
        }
        return results;
    }

    private DatasetResult validateDataset(String dataset, List<LandedFile> active, Path landingDir, Layout layout,
                                          Map<String, Dataset<Row>> reference) {
        long started = System.nanoTime();
        Contract contract = contracts.get(dataset);
        List<FileFinding> findings = new ArrayList<>();
        List<ParseTask> tasks = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, LandedFile> byId = new HashMap<>();
        for (LandedFile f : active) {
            if (!dataset.equals(f.dataset())) continue;
            if (f.isReference() != (contract.kind() == Contract.Kind.REFERENCE)) {
                findings.add(new FileFinding(f.fileId(), FileRule.UNREADABLE, "error",
                        f.originalName() + ": " + dataset + " is " + contract.kind().name().toLowerCase(Locale.ROOT)
                                + " data and cannot come from "
                                + (f.isReference() ? "the reference folder" : "a partner inbox") + ".",
                        "Move the file to the right folder."));
                continue;
            }
            names.put(f.fileId(), f.source());
            byId.put(f.fileId(), f);
            if (!READABLE_FORMATS.contains(f.format())) {
                findings.add(new FileFinding(f.fileId(), FileRule.UNREADABLE, "error",
                        f.originalName() + ": files of type " + f.format() + " cannot be read yet.",
                        "Send the data as CSV (UTF-8) or JSON Lines."));
                continue;
            }
            try {
                FileInspector.Inspection insp = FileInspector.inspect(f.fileId(), f.partnerId(),
                        landingDir.resolve(f.path()), f.format(), contract);
                findings.addAll(insp.findings());
                tasks.add(insp.task());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read landed file " + f.path(), e);
            }
        }
        List<FileAccount> accounts = validator.validate(contract, tasks,
                new ReferenceData(reference, reportingCurrency, graceDays), layout.outputs(dataset), names);
        for (FileAccount a : accounts) {
            LandedFile f = byId.get(a.fileId());
            if (a.read() == 0 && f != null && f.size() > 0 && "csv".equals(f.format())) {
                findings.add(new FileFinding(a.fileId(), FileRule.HEADER_ONLY, "warning",
                        f.originalName() + " has a header row but no data rows.",
                        "If you had nothing to report this period, no action is needed; otherwise export again."));
            }
        }
        log.info("Validated {}: {} file(s), {} rows read, {} accepted, {} quarantined ({} ms)", dataset,
                accounts.size(), accounts.stream().mapToLong(FileAccount::read).sum(),
                accounts.stream().mapToLong(FileAccount::accepted).sum(),
                accounts.stream().mapToLong(FileAccount::quarantined).sum(), (System.nanoTime() - started) / 1_000_000);
        return new DatasetResult(accounts, findings);
    }
}
