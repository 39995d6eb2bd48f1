package org.glasshouse.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import org.glasshouse.validate.read.InputLimits;
import org.glasshouse.validate.read.ReadFailure;
import org.glasshouse.validate.read.ParseTask;
import org.glasshouse.validate.rules.CrossCheck;
import org.glasshouse.validate.rules.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates a run's active input files in waves: a dataset is validated once every dataset its checks look up is
 * curated (regions before partners, partners and programmes before agreements, agreements before submissions).
 * Datasets of one wave run side by side. Fails loudly when row accounting does not hold for any file.
 */
public final class ValidationRun {

    private static final Logger log = LoggerFactory.getLogger(ValidationRun.class);
    private static final List<String> READABLE_FORMATS = List.of("csv", "jsonl", "parquet", "xlsx");

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
    private final InputLimits limits;

    public ValidationRun(SparkSession spark, ContractCatalog contracts, DatasetValidator validator,
                         String reportingCurrency, int graceDays, int parallelism, InputLimits limits) {
        this.spark = spark;
        this.contracts = contracts;
        this.validator = validator;
        this.reportingCurrency = reportingCurrency;
        this.graceDays = graceDays;
        this.parallelism = Math.max(1, parallelism);
        this.limits = limits;
    }

    /**
     * With the embedded default limits and the given file size limit (0: the default). For callers that predate
     * {@link InputLimits}; they should pass the configured limits instead.
     */
    public ValidationRun(SparkSession spark, ContractCatalog contracts, DatasetValidator validator,
                         String reportingCurrency, int graceDays, int parallelism, long maxFileBytes) {
        this(spark, contracts, validator, reportingCurrency, graceDays, parallelism,
                maxFileBytes > 0 ? InputLimits.defaults().withFileBytes(maxFileBytes) : InputLimits.defaults());
    }

    public ValidationReport run(List<LandedFile> active, Path landingDir, Layout layout) throws IOException {
        List<FileAccount> accounts = new ArrayList<>();
        List<FileFinding> findings = new ArrayList<>();
        Map<String, Dataset<Row>> reference = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            for (List<String> wave : waves()) {
                for (DatasetResult r : phase(pool, wave, active, landingDir, layout, Map.copyOf(reference))) {
                    accounts.addAll(r.accounts());
                    findings.addAll(r.findings());
                }
                for (String d : wave) {
                    if (contracts.get(d).kind() == Contract.Kind.REFERENCE) {
                        reference.put(d, spark.read().parquet(layout.outputs(d).curated().toString()).cache());
                    }
                }
                org.glasshouse.CrashPoint.reach("validate"); // some datasets validated and written, others not
            }
        } finally {
            pool.shutdownNow();
            reference.values().forEach(Dataset::unpersist);
        }
        checkAccounting(accounts);
        return new ValidationReport(accounts, findings);
    }

    /**
     * Looks at the start of one landed file. Whatever the file holds becomes a finding on it; only the agency's own
     * faults (the landed copy cannot be read, a bug) escape and fail the run.
     */
    private FileInspector.Inspection inspect(LandedFile f, Path landingDir, Contract contract) {
        try {
            return FileInspector.inspect(f.fileId(), f.partnerId(), landingDir.resolve(f.path()), f.format(), contract,
                    limits);
        } catch (IOException | RuntimeException e) {
            if (ReadFailure.isAgencyFault(e)) {
                if (e instanceof IOException io) throw new UncheckedIOException("cannot read landed file " + f.path(), io);
                throw (RuntimeException) e;
            }
            return new FileInspector.Inspection(null, List.of(new FileFinding(f.fileId(), FileRule.UNREADABLE, "error",
                    f.originalName() + " cannot be read: "
                            + ReadFailure.describe(e, landingDir.resolve(f.path()).toString(), f.originalName()) + ".",
                    "Export the data as CSV UTF-8, JSON Lines, Parquet or .xlsx with the matching extension.")));
        }
    }

    /**
     * The reference folder is the agency's: a file there that cannot be read (or read whole), or does not belong
     * there, is the agency's fault, and a run on partial reference data would judge every partner against the wrong
     * agreements. The run stops. (Rows of reference data that break a rule are quarantined like any other.)
     */
    private static void refuseBrokenReference(String dataset, List<FileFinding> findings, Map<String, String> names,
                                              Set<String> agencyFiles) {
        List<String> errors = findings.stream()
                .filter(x -> agencyFiles.contains(x.fileId()) && "error".equals(x.severity()))
                .map(x -> names.getOrDefault(x.fileId(), x.fileId()) + ": " + x.ruleId() + " " + x.message())
                .toList();
        if (!errors.isEmpty()) throw new ReferenceDataException(dataset, errors);
    }

    /** The run fails loudly, naming every file whose rows read differ from accepted + quarantined. */
    static void checkAccounting(List<FileAccount> accounts) {
        List<FileAccount> unbalanced = accounts.stream().filter(a -> !a.balances()).toList();
        if (!unbalanced.isEmpty()) throw new RowAccountingException(unbalanced);
    }

    /**
     * Datasets grouped so each one comes after every dataset it depends on: the datasets its checks look up, and,
     * for submitted data, all reference data (a partner's rows are only judged against complete reference data).
     */
    List<List<String>> waves() {
        Map<String, Integer> level = new LinkedHashMap<>();
        for (String d : ContractCatalog.DATASETS) level(d, level, new LinkedHashSet<>());
        int max = level.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<List<String>> waves = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            int l = i;
            List<String> wave = ContractCatalog.DATASETS.stream().filter(d -> level.get(d) == l).toList();
            if (!wave.isEmpty()) waves.add(wave);
        }
        return waves;
    }

    private int level(String d, Map<String, Integer> level, Set<String> visiting) {
        Integer known = level.get(d);
        if (known != null) return known;
        if (!visiting.add(d)) throw new IllegalStateException("circular dataset dependency through " + d);
        Set<String> deps = new LinkedHashSet<>();
        for (CrossCheck c : validator.crossChecks()) {
            if (c.appliesTo(d)) deps.addAll(c.requires(d));
        }
        if (contracts.get(d).kind() == Contract.Kind.SUBMITTED) {
            ContractCatalog.DATASETS.stream().filter(x -> contracts.get(x).kind() == Contract.Kind.REFERENCE)
                    .forEach(deps::add);
        }
        deps.remove(d);
        int l = 0;
        for (String dep : deps) l = Math.max(l, level(dep, level, visiting) + 1);
        visiting.remove(d);
        level.put(d, l);
        return l;
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

    /** Files in the order they arrived; files of one arrival time by name, so the order never depends on a hash. */
    static final java.util.Comparator<LandedFile> ARRIVAL = java.util.Comparator
            .comparing(LandedFile::arrivedAt, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
            .thenComparing(LandedFile::source, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
            .thenComparing(LandedFile::fileId);

    private DatasetResult validateDataset(String dataset, List<LandedFile> active, Path landingDir, Layout layout,
                                          Map<String, Dataset<Row>> reference) {
        long started = System.nanoTime();
        Contract contract = contracts.get(dataset);
        List<FileFinding> findings = new ArrayList<>();
        List<ParseTask> tasks = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        List<LandedFile> unread = new ArrayList<>();
        Set<String> agencyFiles = new java.util.HashSet<>();
        // Arrival order: the first of two rows with one key is the one that arrived first (DuplicateKeyCheck).
        for (LandedFile f : active.stream().filter(x -> dataset.equals(x.dataset())).sorted(ARRIVAL).toList()) {
            names.put(f.fileId(), f.source());
            if (f.isReference()) agencyFiles.add(f.fileId());
            if (f.isReference() != (contract.kind() == Contract.Kind.REFERENCE)) {
                findings.add(new FileFinding(f.fileId(), FileRule.UNREADABLE, "error",
                        f.originalName() + ": " + dataset + " is " + contract.kind().name().toLowerCase(Locale.ROOT)
                                + " data and cannot come from "
                                + (f.isReference() ? "the reference folder" : "a partner inbox") + ".",
                        "Move the file to the right folder."));
                unread.add(f);
                continue;
            }
            if (!READABLE_FORMATS.contains(f.format())) {
                findings.add(new FileFinding(f.fileId(), FileRule.UNREADABLE, "error",
                        f.originalName() + ": files of type " + f.format() + " cannot be read.",
                        "Send the data as CSV (UTF-8), JSON Lines, Parquet or .xlsx."));
                unread.add(f);
                continue;
            }
            if (f.size() > limits.fileBytes()) {
                findings.add(new FileFinding(f.fileId(), FileRule.TOO_LARGE, "error",
                        f.originalName() + " is " + f.size() + " bytes, more than the maximum of " + limits.fileBytes()
                                + " bytes; it was not read.",
                        "Split the data into several files (for example one per month), each below the maximum."));
                unread.add(f);
                continue;
            }
            FileInspector.Inspection insp = inspect(f, landingDir, contract);
            findings.addAll(insp.findings());
            if (insp.task() != null) tasks.add(insp.task());
            else unread.add(f);
        }
        DatasetValidator.Result result = validator.validate(contract, tasks,
                new ReferenceData(reference, reportingCurrency, graceDays), layout.outputs(dataset), names, limits);
        findings.addAll(result.findings());
        List<FileAccount> accounts = new ArrayList<>(result.accounts());
        // A file that could not be read at all still has an account (0 rows), so it shows in every summary.
        for (LandedFile f : unread) {
            accounts.add(new FileAccount(f.fileId(), f.partnerId(), dataset, f.source(), 0, 0, 0));
        }
        for (FileAccount a : accounts) {
            boolean hasError = findings.stream().anyMatch(x -> x.fileId().equals(a.fileId()) && "error".equals(x.severity()));
            if (a.read() == 0 && !hasError) {
                findings.add(new FileFinding(a.fileId(), FileRule.HEADER_ONLY, "warning",
                        "The file has no data rows (at most a header row).",
                        "If you had nothing to report this period, no action is needed; otherwise export again."));
            }
        }
        refuseBrokenReference(dataset, findings, names, agencyFiles);
        log.info("Validated {}: {} file(s), {} rows read, {} accepted, {} quarantined ({} ms)", dataset,
                accounts.size(), accounts.stream().mapToLong(FileAccount::read).sum(),
                accounts.stream().mapToLong(FileAccount::accepted).sum(),
                accounts.stream().mapToLong(FileAccount::quarantined).sum(), (System.nanoTime() - started) / 1_000_000);
        return new DatasetResult(accounts, findings);
    }
}
