package org.glasshouse.generate;

import static org.glasshouse.generate.ReferenceCatalog.AGREEMENTS;
import static org.glasshouse.generate.ReferenceCatalog.INDICATORS;
import static org.glasshouse.generate.ReferenceCatalog.PARTNERS;
import static org.glasshouse.generate.ReferenceCatalog.PROGRAMMES;
import static org.glasshouse.generate.ReferenceCatalog.REGIONS;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.glasshouse.generate.ReferenceCatalog.Agreement;

/**
 * Deterministic synthetic input set for Glasshouse (SPEC.md section 2): agency reference data under
 * {@code OUT/reference/} and partner submissions under {@code OUT/inbox/<partner_id>/}, with a documented set of
 * planted problems (see the generated {@code OUT/README.md} and {@code OUT/planted-problems.csv}).
 *
 * <p>The same arguments always give byte-identical files: all randomness comes from {@link Rng} streams derived from
 * the seed, nothing depends on the clock, hash order or the default locale. Every dataset is written by its own
 * class (reference, services, transactions, results, outcomes, receipt logs); service rows are streamed file by
 * file, so tens of millions of rows need little memory.
 *
 * <p>The generator owns {@code OUT/reference/}, {@code OUT/inbox/}, {@code OUT/README.md} and
 * {@code OUT/planted-problems.csv}: those are replaced on every run; nothing else in OUT is touched.
 */
public final class SampleDataGenerator {
    public static final long DEFAULT_SEED = 20260601L;
    /** Smallest supported N: every agreement-month needs at least one row and the planted rows need hosts. */
    public static final int MIN_SERVICES = 1000;
    public static final LocalDate PERIOD_START = Period.START;
    public static final LocalDate PERIOD_END = Period.END;
    /** The as-of date the expected figures in the README are computed for (totals are the same for any later date). */
    public static final LocalDate AS_OF = Period.AS_OF;

    private SampleDataGenerator() {
    }

    /**
     * Writes a complete, consistent input set into {@code outDir}.
     *
     * @param services exact number of service rows (valid + planted-invalid), at least {@link #MIN_SERVICES}
     */
    public static GenerationSummary generate(Path outDir, int services, long seed) throws IOException {
        if (services < MIN_SERVICES) {
            throw new IllegalArgumentException("services must be at least " + MIN_SERVICES + ": " + services);
        }
        OutputSet set = new OutputSet(outDir);
        set.clear();
        ReferenceFiles.write(set);
        ServicePlan plan = new ServicePlan(services, seed);
        ServiceFiles serviceFiles = new ServiceFiles(plan, set, seed);
        serviceFiles.write(services);
        Ledger ledger = new Ledger(AGREEMENTS.size());
        TransactionFiles transactions = new TransactionFiles(set, ledger, seed);
        transactions.write(services);
        ResultFiles results = new ResultFiles(set, seed);
        results.write();
        OutcomeFiles outcomes = new OutcomeFiles(set, plan, seed);
        outcomes.write(services);
        SubmissionLogs logs = new SubmissionLogs(set);
        logs.write();
        AggregatePlants.record(set, ledger);

        set.problems.sort(Comparator.comparingInt((PlantedProblem p) -> List.of("services", "transactions",
                "agreements", "submissions").indexOf(p.dataset())).thenComparing(PlantedProblem::file)
                .thenComparingLong(PlantedProblem::line));
        results.expectations.sort(Comparator.comparing((String[] r) -> r[0]).thenComparing(r -> r[1]));
        long distinct = plan.programmePeople.values().stream().mapToLong(v -> v[0]).sum();
        GenerationSummary summary = new GenerationSummary(services, seed, PARTNERS.size(), PROGRAMMES.size(),
                AGREEMENTS.size(), INDICATORS.size(), REGIONS.size(), Period.MONTHS.size(), serviceFiles.rowsWritten,
                serviceFiles.files, transactions.rows, results.rows, outcomes.rows, logs.rows, distinct,
                outcomes.participants, outcomes.comparison, serviceFiles.plantedInvalid, transactions.plantedInvalid,
                set.problems, set.rowsPerFile);
        writeProblemsCsv(set);
        ReadmeWriter.Facts facts = new ReadmeWriter.Facts(agreementFigures(plan, serviceFiles, ledger),
                programmeFigures(plan), results.expectations, outcomes.notes);
        new ReadmeWriter(facts, summary).write(outDir.resolve("README.md"));
        return summary;
    }

    public static void main(String[] args) throws IOException {
        Integer services = null;
        Path out = null;
        long seed = DEFAULT_SEED;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "--services" -> services = Integer.parseInt(require(arg, value));
                case "--out" -> out = Paths.get(require(arg, value));
                case "--seed" -> seed = Long.parseLong(require(arg, value));
                case "-h", "--help" -> {
                    System.out.println(usage());
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument " + arg + "\n" + usage());
            }
            i++;
        }
        if (services == null || out == null) {
            System.err.println(usage());
            System.exit(2);
            return;
        }
        long t0 = System.nanoTime();
        GenerationSummary summary = generate(out, services, seed);
        System.out.print(summary.describe());
        System.out.printf(Locale.ROOT, "  written to %s in %.1f s%n", out.toAbsolutePath(), (System.nanoTime() - t0) / 1e9);
    }

    private static String require(String arg, String value) {
        if (value == null) {
            throw new IllegalArgumentException(arg + " needs a value\n" + usage());
        }
        return value;
    }

    private static String usage() {
        return "usage: SampleDataGenerator --services N --out DIR [--seed S]   (N >= " + MIN_SERVICES + ", default seed "
                + DEFAULT_SEED + ")";
    }

    private static void writeProblemsCsv(OutputSet set) throws IOException {
        try (CsvWriter w = new CsvWriter(set.out.resolve("planted-problems.csv"))) {
            w.row("dataset", "file", "line", "record_id", "field", "value", "problem", "row_invalid");
            for (PlantedProblem p : set.problems) {
                w.row(p.dataset(), p.file(), Long.toString(p.line()), p.recordId(), p.field(), p.value(), p.problem(),
                        Boolean.toString(p.rowInvalid()));
            }
        }
    }

    private static List<String[]> agreementFigures(ServicePlan plan, ServiceFiles services, Ledger ledger) {
        List<String[]> rows = new ArrayList<>();
        for (int a = 0; a < AGREEMENTS.size(); a++) {
            Agreement ag = AGREEMENTS.get(a);
            rows.add(new String[]{ag.id(), ag.programmeId(), ag.partnerId(), ag.currency(),
                    Decimals.money(ag.committedCents()), Decimals.money(ledger.disbursed(a)),
                    Decimals.money(ledger.spent[a]), Long.toString(ledger.expenditures[a]),
                    Long.toString(services.validRows[a]), Long.toString(plan.poolSize[a]),
                    Decimals.tenths(services.unitTenths[a])});
        }
        return rows;
    }

    private static List<String[]> programmeFigures(ServicePlan plan) {
        List<String[]> rows = new ArrayList<>();
        plan.programmePeople.forEach((id, v) -> rows.add(new String[]{id, Long.toString(v[0]), Long.toString(v[1])}));
        return rows;
    }
}
