package org.glasshouse.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import org.glasshouse.storage.Location;
import org.glasshouse.validate.read.FileInspector;
import org.glasshouse.validate.read.FileRule;
import org.glasshouse.validate.read.InputLimits;
import org.glasshouse.validate.read.ReadFailure;
import org.glasshouse.validate.read.ParseTask;
import org.glasshouse.validate.rules.CrossCheck;
import org.glasshouse.validate.rules.ReferenceData;
import org.glasshouse.validate.units.FileUnit;
import org.glasshouse.validate.units.FileUnits;
import org.glasshouse.validate.read.RawRows;
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
    /** Per dataset validated in this run: the keys of its files' units (what datasets that read it depend on). */
    private final Map<String, String> datasetKeys = new ConcurrentHashMap<>();

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

    /** Validates with a throwaway unit store: nothing is reused (one-off validations, tests). */
    public ValidationReport run(List<LandedFile> active, Path landingDir, Layout layout) throws IOException {
        return run(active, LandingFiles.local(landingDir), layout);
    }

    /** As above, with the landing zone on any store (glasshouse.storage.landing-uri). */
    public ValidationReport run(List<LandedFile> active, Location landing, Layout layout) throws IOException {
        return run(active, LandingFiles.of(landing), layout);
    }

    private ValidationReport run(List<LandedFile> active, LandingFiles landing, Layout layout) throws IOException {
        Path tmp = Files.createTempDirectory("glasshouse-units");
        try {
            return run(active, landing, layout, FileUnits.throwaway(tmp));
        } finally {
            FileUnits.deleteTree(tmp);
        }
    }

    /**
     * Validates the run's active files, taking each file's results from {@code units} while its key is unchanged
     * (see {@link FileUnits}) and keeping the results of the files it reads there, then fills the layout's folders
     * with links to every active file's results.
     */
    public ValidationReport run(List<LandedFile> active, Path landingDir, Layout layout, FileUnits units)
            throws IOException {
        return run(active, LandingFiles.local(landingDir), layout, units);
    }

    /** As above, with the landing zone on any store (glasshouse.storage.landing-uri). */
    public ValidationReport run(List<LandedFile> active, Location landing, Layout layout, FileUnits units)
            throws IOException {
        return run(active, LandingFiles.of(landing), layout, units);
    }

    private ValidationReport run(List<LandedFile> active, LandingFiles landing, Layout layout, FileUnits units)
            throws IOException {
        datasetKeys.clear();
        List<FileAccount> accounts = new ArrayList<>();
        List<FileFinding> findings = new ArrayList<>();
        Map<String, Dataset<Row>> reference = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            for (List<String> wave : waves()) {
                for (DatasetResult r : phase(pool, wave, active, landing, layout, Map.copyOf(reference), units)) {
                    accounts.addAll(r.accounts());
                    findings.addAll(r.findings());
                }
                for (String d : wave) {
                    if (contracts.get(d).kind() == Contract.Kind.REFERENCE) {
                        // Schema from a footer: no inference job; cached when a check first reads it.
                        reference.put(d, org.glasshouse.parquet.LocalParquet.sparkRead(spark,
                                layout.outputs(d).curated()).cache());
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

    /** Where each landed file is, as the text a parse task carries: a local path, or a store URI. */
    private interface LandingFiles {
        String of(LandedFile f);

        static LandingFiles local(Path dir) {
            return f -> dir.resolve(f.path()).toString();
        }

        static LandingFiles of(Location zone) {
            java.util.Optional<Path> local = zone.local();
            return local.isPresent() ? local(local.get()) : f -> zone.resolve(f.path()).uri();
        }
    }

    /**
     * Looks at the start of one landed file. Whatever the file holds becomes a finding on it; only the agency's own
     * faults (the landed copy cannot be read, a bug) escape and fail the run.
     */
    private FileInspector.Inspection inspect(LandedFile f, LandingFiles landing, Contract contract) {
        try {
            return FileInspector.inspect(f.fileId(), f.partnerId(), landing.of(f),
                    f.format(), contract, limits);
        } catch (IOException | RuntimeException e) {
            if (ReadFailure.isAgencyFault(e)) {
                if (e instanceof IOException io) throw new UncheckedIOException("cannot read landed file " + f.path(), io);
                throw (RuntimeException) e;
            }
            return new FileInspector.Inspection(null, List.of(new FileFinding(f.fileId(), FileRule.UNREADABLE, "error",
                    f.originalName() + " cannot be read: "
                            + ReadFailure.describe(e, landing.of(f), f.originalName()) + ".",
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
                                      LandingFiles landing, Layout layout, Map<String, Dataset<Row>> reference,
                                      FileUnits units) throws IOException {
        List<Future<DatasetResult>> futures = new ArrayList<>();
        for (String d : datasets) {
            futures.add(pool.submit(() -> validateDataset(d, active, landing, layout, reference, units)));
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

    private DatasetResult validateDataset(String dataset, List<LandedFile> active, LandingFiles landing, Layout layout,
                                          Map<String, Dataset<Row>> reference, FileUnits units) throws IOException {
        long started = System.nanoTime();
        Contract contract = contracts.get(dataset);
        Map<String, String> names = new HashMap<>();
        Map<String, Integer> order = new HashMap<>();
        Set<String> agencyFiles = new java.util.HashSet<>();
        // Findings raised before any row is read, per file (wrong folder, format, size; the file's opening).
        Map<String, List<FileFinding>> opening = new HashMap<>();
        Set<String> unread = new java.util.HashSet<>();
        // Arrival order: the first of two rows with one key is the one that arrived first (DuplicateKeyCheck).
        List<LandedFile> files = active.stream().filter(x -> dataset.equals(x.dataset())).sorted(ARRIVAL).toList();
        boolean crossFile = !validator.contextColumns(contract).isEmpty();
        String referenceKey = referenceKey(dataset);
        Map<String, String> keys = new HashMap<>();
        StringBuilder before = new StringBuilder();
        for (LandedFile f : files) {
            names.put(f.fileId(), f.source());
            order.put(f.fileId(), order.size());
            if (f.isReference()) agencyFiles.add(f.fileId());
            keys.put(f.fileId(), units.key(dataset, referenceKey, f, crossFile ? before.toString() : ""));
            before.append(f.fileId()).append('\n');
            FileFinding refused = refusal(f, contract);
            if (refused != null) {
                opening.put(f.fileId(), List.of(refused));
                unread.add(f.fileId());
            }
        }
        Map<String, FileUnit> done = new HashMap<>();
        List<LandedFile> todo = new ArrayList<>();
        for (LandedFile f : files) {
            if (unread.contains(f.fileId())) continue;
            Optional<FileUnit> u = units.load(dataset, f.fileId(), keys.get(f.fileId()));
            if (u.isPresent()) done.put(f.fileId(), u.get());
            else todo.add(f);
        }
        ReferenceData ref = new ReferenceData(reference, reportingCurrency, graceDays);
        int reused = done.size();
        Map<String, FileUnit> fresh = pass(contract, todo, done, landing, ref, names, order, keys, opening, unread,
                units);
        List<CrossCheck.GroupTotals> totals = validator.groupTotals(dataset);
        int again = 0;
        if (!totals.isEmpty()) {
            Map<String, FileUnit> all = new HashMap<>(done);
            all.putAll(fresh);
            Map<String, double[]> figures = groupFigures(all.values());
            for (FileUnit u : fresh.values()) units.update(dataset, u.withWatch(watched(u, figures)));
            // An earlier file whose verdicts read group figures that the new files changed is validated again.
            List<LandedFile> affected = files.stream().filter(f -> done.containsKey(f.fileId())
                    && !sameFigures(done.get(f.fileId()).watch(), figures)).toList();
            Map<String, FileUnit> others = new HashMap<>(all);
            affected.forEach(f -> others.remove(f.fileId()));
            affected.forEach(f -> done.remove(f.fileId()));
            Map<String, FileUnit> redone = pass(contract, affected, others, landing, ref, names, order, keys,
                    opening, unread, units);
            for (FileUnit u : redone.values()) {
                units.update(dataset, u.withWatch(watched(u, figures)));
                fresh.put(u.account().fileId(), u);
            }
            again = affected.size();
        }
        Map<String, FileUnit> all = new HashMap<>(done);
        all.putAll(fresh);

        List<FileUnit> inOrder = files.stream().map(f -> all.get(f.fileId())).filter(java.util.Objects::nonNull).toList();
        DatasetValidator.Outputs out = layout.outputs(dataset);
        List<Map<DatasetValidator.Kind, org.apache.spark.sql.types.StructType>> schemas = new ArrayList<>();
        for (DatasetValidator.Kind k : List.of(DatasetValidator.Kind.CURATED, DatasetValidator.Kind.QUARANTINE,
                DatasetValidator.Kind.FINDINGS)) {
            org.glasshouse.storage.Location to = switch (k) {
                case CURATED -> out.curated();
                case QUARANTINE -> out.quarantine();
                default -> out.findings();
            };
            units.link(dataset, inOrder, k, to, () -> {
                if (schemas.isEmpty()) schemas.add(validator.outputSchemas(contract, ref));
                return schemas.get(0).get(k);
            }, spark);
        }
        datasetKeys.put(dataset, contract.kind() == Contract.Kind.REFERENCE ? contentKey(out.curated())
                : unitsKey(files, keys, all.keySet()));
        Map<String, String> kept = new HashMap<>();
        all.values().forEach(u -> kept.put(u.account().fileId(), u.key()));
        units.prune(dataset, kept);

        // Accounts: files read, in arrival order, then files not read; findings as a validation of every file gives.
        List<FileAccount> accounts = new ArrayList<>();
        List<FileFinding> findings = new ArrayList<>();
        List<FileFinding> events = new ArrayList<>();
        for (LandedFile f : files) findings.addAll(opening.getOrDefault(f.fileId(), List.of()));
        for (FileUnit u : inOrder) {
            accounts.add(u.account());
            findings.addAll(u.opening());
            events.addAll(u.events());
        }
        events.sort(java.util.Comparator.comparing(FileFinding::fileId).thenComparing(FileFinding::ruleId));
        findings.addAll(events);
        // A file that could not be read at all still has an account (0 rows), so it shows in every summary.
        for (LandedFile f : files) {
            if (!all.containsKey(f.fileId())) {
                accounts.add(new FileAccount(f.fileId(), f.partnerId(), dataset, f.source(), 0, 0, 0));
            }
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
        log.info("Validated {}: {} file(s) ({} reused, {} read, {} read again for cross-file figures), {} rows read, "
                        + "{} accepted, {} quarantined ({} ms)", dataset, accounts.size(), reused - again,
                fresh.size() - again, again, accounts.stream().mapToLong(FileAccount::read).sum(),
                accounts.stream().mapToLong(FileAccount::accepted).sum(),
                accounts.stream().mapToLong(FileAccount::quarantined).sum(), (System.nanoTime() - started) / 1_000_000);
        return new DatasetResult(accounts, findings);
    }

    /** Why a file is not read at all (wrong folder, format, size), or null. */
    private FileFinding refusal(LandedFile f, Contract contract) {
        String dataset = contract.dataset();
        if (f.isReference() != (contract.kind() == Contract.Kind.REFERENCE)) {
            return new FileFinding(f.fileId(), FileRule.UNREADABLE, "error",
                    f.originalName() + ": " + dataset + " is " + contract.kind().name().toLowerCase(Locale.ROOT)
                            + " data and cannot come from "
                            + (f.isReference() ? "the reference folder" : "a partner inbox") + ".",
                    "Move the file to the right folder.");
        }
        if (!READABLE_FORMATS.contains(f.format())) {
            return new FileFinding(f.fileId(), FileRule.UNREADABLE, "error",
                    f.originalName() + ": files of type " + f.format() + " cannot be read.",
                    "Send the data as CSV (UTF-8), JSON Lines, Parquet or .xlsx.");
        }
        if (f.size() > limits.fileBytes()) {
            return new FileFinding(f.fileId(), FileRule.TOO_LARGE, "error",
                    f.originalName() + " is " + f.size() + " bytes, more than the maximum of " + limits.fileBytes()
                            + " bytes; it was not read.",
                    "Split the data into several files (for example one per month), each below the maximum.");
        }
        return null;
    }

    /**
     * Reads and checks the given files in one Spark pass, with the context rows of the {@code others} units, and
     * saves a unit per file read (files whose opening cannot be parsed are marked unread, with their findings).
     */
    private Map<String, FileUnit> pass(Contract contract, List<LandedFile> files, Map<String, FileUnit> others,
                                       LandingFiles landing, ReferenceData ref, Map<String, String> names,
                                       Map<String, Integer> order, Map<String, String> keys,
                                       Map<String, List<FileFinding>> opening, Set<String> unread, FileUnits units)
            throws IOException {
        String dataset = contract.dataset();
        Map<String, FileUnit> out = new HashMap<>();
        if (files.isEmpty()) return out;
        List<ParseTask> tasks = new ArrayList<>();
        Map<String, List<FileFinding>> inspected = new HashMap<>();
        for (LandedFile f : files) {
            FileInspector.Inspection insp = inspect(f, landing, contract);
            if (insp.task() != null) {
                tasks.add(insp.task());
                inspected.put(f.fileId(), insp.findings());
            } else {
                opening.put(f.fileId(), insp.findings());
                unread.add(f.fileId());
            }
        }
        if (tasks.isEmpty()) return out;
        org.glasshouse.storage.Location staging = units.staging(dataset);
        try {
            DatasetValidator.Pass p = validator.validate(contract, tasks, ref, staging, names, limits, order,
                    context(contract, others.values(), order, units));
            for (FileAccount a : p.accounts()) {
                String id = a.fileId();
                FileUnit u = new FileUnit(keys.get(id), a, inspected.get(id),
                        p.events().stream().filter(e -> e.fileId().equals(id)).toList(),
                        p.partials().getOrDefault(id, Map.of()), pending(p.watched().getOrDefault(id, Set.of())));
                units.save(dataset, u, staging);
                out.put(id, u);
            }
        } finally {
            units.discard(staging);
        }
        return out;
    }

    /** The readable rows of other files that the dataset's cross-file checks read, with their files' order. */
    private Dataset<Row> context(Contract contract, java.util.Collection<FileUnit> others, Map<String, Integer> order,
                                 FileUnits units) throws IOException {
        if (validator.contextColumns(contract).isEmpty()) return null;
        List<String> paths = new ArrayList<>();
        for (FileUnit u : others) {
            for (var p : units.files(contract.dataset(), u, DatasetValidator.Kind.CONTEXT)) paths.add(p.sparkPath());
        }
        if (paths.isEmpty()) return null;
        List<Row> o = new ArrayList<>();
        order.forEach((id, i) -> o.add(org.apache.spark.sql.RowFactory.create(id, i)));
        Dataset<Row> files = spark.createDataFrame(o, new org.apache.spark.sql.types.StructType()
                .add("_ctx_file_id", org.apache.spark.sql.types.DataTypes.StringType, false)
                .add(RawRows.FILE_ORDER, org.apache.spark.sql.types.DataTypes.IntegerType, false));
        Dataset<Row> rows = spark.read().schema(validator.contextSchema(contract)).parquet(paths.toArray(String[]::new));
        return rows.join(org.apache.spark.sql.functions.broadcast(files),
                rows.col(RawRows.FILE_ID).equalTo(files.col("_ctx_file_id"))).drop("_ctx_file_id");
    }

    /** Each group's figures over every file: the units' shares added in file-id order (the same sum every run). */
    private static Map<String, double[]> groupFigures(java.util.Collection<FileUnit> all) {
        Map<String, double[]> figures = new java.util.TreeMap<>();
        for (FileUnit u : all.stream().sorted(java.util.Comparator.comparing(x -> x.account().fileId())).toList()) {
            for (var e : u.partials().entrySet()) {
                double[] t = figures.computeIfAbsent(e.getKey(), k -> new double[e.getValue().length]);
                for (int i = 0; i < t.length; i++) t[i] += e.getValue()[i];
            }
        }
        return figures;
    }

    /** The figures of the groups a unit's verdicts read (the groups in which it has watched rows). */
    private static Map<String, double[]> watched(FileUnit u, Map<String, double[]> figures) {
        Map<String, double[]> w = new java.util.TreeMap<>();
        for (String g : u.watch().keySet()) w.put(g, figures.get(g));
        return w;
    }

    /** Watched groups whose figures are not known yet (never equal to any figures, should a run stop here). */
    private static Map<String, double[]> pending(Set<String> groups) {
        Map<String, double[]> w = new java.util.TreeMap<>();
        for (String g : groups) w.put(g, new double[0]);
        return w;
    }

    private static boolean sameFigures(Map<String, double[]> watch, Map<String, double[]> figures) {
        for (var e : watch.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), figures.get(e.getKey()))) return false;
        }
        return true;
    }

    /**
     * What datasets that read this reference dataset depend on: its accepted rows (small agency lists, read on the
     * driver), so a reference change that leaves them as they were (a new region nobody's agreement names) does not
     * validate its readers again.
     */
    private static String contentKey(org.glasshouse.storage.Location curated) throws IOException {
        java.util.TreeSet<String> rows = new java.util.TreeSet<>();
        for (Row r : org.glasshouse.parquet.LocalParquet.readFolder(curated).rows()) rows.add(r.toString());
        return FileUnits.sha256(String.join("\n", rows));
    }

    private static String unitsKey(List<LandedFile> files, Map<String, String> keys, Set<String> read) {
        StringBuilder b = new StringBuilder();
        for (LandedFile f : files) {
            b.append(f.fileId()).append(':').append(read.contains(f.fileId()) ? keys.get(f.fileId()) : "unread")
                    .append(',');
        }
        return FileUnits.sha256(b.toString());
    }

    /** The key of the reference data a dataset's checks read: the keys of those datasets (above). */
    private String referenceKey(String dataset) {
        java.util.TreeSet<String> deps = new java.util.TreeSet<>();
        for (CrossCheck c : validator.crossChecks()) {
            if (c.appliesTo(dataset)) deps.addAll(c.requires(dataset));
        }
        deps.remove(dataset);
        StringBuilder b = new StringBuilder();
        for (String d : deps) b.append(d).append('=').append(datasetKeys.getOrDefault(d, "none")).append('\n');
        return b.toString();
    }
}
