package org.glasshouse.generate;

import static org.glasshouse.generate.ReferenceCatalog.AGREEMENTS;
import static org.glasshouse.generate.ReferenceCatalog.INDICATORS;
import static org.glasshouse.generate.ReferenceCatalog.PARTNERS;
import static org.glasshouse.generate.ReferenceCatalog.PROGRAMMES;
import static org.glasshouse.generate.ReferenceCatalog.REGIONS;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.glasshouse.generate.ReferenceCatalog.Agreement;
import org.glasshouse.generate.ReferenceCatalog.Indicator;
import org.glasshouse.generate.ReferenceCatalog.Partner;
import org.glasshouse.generate.ReferenceCatalog.Programme;
import org.glasshouse.generate.ReferenceCatalog.ServiceType;

/**
 * Deterministic synthetic input set for Glasshouse (SPEC.md section 2): agency reference data under
 * {@code OUT/reference/} and partner submissions under {@code OUT/inbox/<partner_id>/}, with a documented set of
 * planted problems (see the generated {@code OUT/README.md} and {@code OUT/planted-problems.csv}).
 *
 * <p>The same arguments always give byte-identical files: all randomness comes from {@link Rng} streams derived from
 * the seed, nothing depends on the clock, hash order or the default locale. Service rows are streamed file by file,
 * so millions of rows need little memory.
 *
 * <p>The generator owns {@code OUT/reference/}, {@code OUT/inbox/}, {@code OUT/README.md} and
 * {@code OUT/planted-problems.csv}: those are replaced on every run; nothing else in OUT is touched.
 */
public final class SampleDataGenerator {
    public static final long DEFAULT_SEED = 20260601L;
    /** Smallest supported N: every agreement-month needs at least one row and the planted rows need hosts. */
    public static final int MIN_SERVICES = 1000;
    public static final LocalDate PERIOD_START = LocalDate.of(2025, 4, 1);
    public static final LocalDate PERIOD_END = LocalDate.of(2026, 9, 30);
    /** The as-of date the expected figures in the README are computed for (totals are the same for any later date). */
    public static final LocalDate AS_OF = PERIOD_END;

    static final String[] SERVICE_HEADER = {"record_id", "agreement_id", "service_date", "beneficiary_ref",
            "service_type", "units", "region_code", "age_band", "sex", "priority_group", "flex_case_ref"};
    static final String[] TRANSACTION_HEADER = {"transaction_id", "agreement_id", "date", "type", "amount", "currency",
            "description"};
    static final String[] RESULT_HEADER = {"agreement_id", "indicator_id", "period", "baseline", "target", "actual"};
    static final String[] OUTCOME_HEADER = {"agreement_id", "beneficiary_ref", "indicator_id", "measured_on", "phase",
            "group", "value"};
    static final String[] SUBMISSION_HEADER = {"file_name", "submitted_at"};

    /** Fixed number of service rows of the small pilot agreement (fewer than 10 people: disclosure control). */
    static final int PILOT_ROWS = 48;
    static final int PILOT_PEOPLE = 7;
    static final String BENFORD_FAIL_PARTNER = "P07";
    static final String MISSING_PARTNER = "P05";
    static final YearMonth MISSING_MONTH = YearMonth.of(2025, 12);
    static final String LATE_PARTNER = "P08";
    static final YearMonth LATE_MONTH = YearMonth.of(2026, 2);
    static final int LATE_DAYS = 17;
    static final String OVERSPEND_AGREEMENT = "AGR-006";
    static final String OVERDISBURSED_AGREEMENT = "AGR-008";
    static final String AFTER_END_AGREEMENT = "AGR-012";
    static final LocalDate AFTER_END_DATE = LocalDate.of(2026, 4, 17);
    static final String DUPLICATE_AGREEMENT = "AGR-001";

    static final List<YearMonth> MONTHS;

    static {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(PERIOD_START); !m.isAfter(YearMonth.from(PERIOD_END)); m = m.plusMonths(1)) {
            months.add(m);
        }
        MONTHS = List.copyOf(months);
    }

    /** A planted invalid service row: which file hosts it, where (fraction of the file) and what is wrong. */
    record ServicePlant(String partnerId, YearMonth month, String kind, double fraction, String value, String problem) {
    }

    static final List<ServicePlant> SERVICE_PLANTS = List.of(
            sp("P01", "2025-06", "age_band", 0.30, "30-39", "age_band not in the code list"),
            sp("P03", "2025-11", "age_band", 0.55, "adult", "age_band not in the code list"),
            sp("P07", "2026-02", "age_band", 0.80, "45 - 64", "age_band not in the code list (spaces)"),
            sp("P02", "2025-09", "units", 0.25, "0", "units must be > 0"),
            sp("P06", "2026-04", "units", 0.60, "0", "units must be > 0"),
            sp("P04", "2025-12", "units", 0.45, "-2", "units must be > 0 (negative)"),
            sp("P08", "2026-06", "units", 0.70, "-1.5", "units must be > 0 (negative)"),
            sp("P05", "2026-01", "units", 0.35, "two", "units is not a number"),
            sp("P01", "2026-03", "beneficiary_ref", 0.50, "", "beneficiary_ref is missing (empty)"),
            sp("P03", "2025-08", "beneficiary_ref", 0.15, "", "beneficiary_ref is missing (empty)"),
            sp("P06", "2025-10", "beneficiary_ref", 0.90, "", "beneficiary_ref is missing (empty)"),
            sp("P02", "2026-07", "service_date", 0.40, "2026-07-32", "service_date is not a valid date"),
            sp("P04", "2025-05", "service_date", 0.65, "14/05/2025", "service_date is not an ISO yyyy-MM-dd date"),
            sp("P08", "2026-01", "service_date", 0.20, "not recorded", "service_date is not a date"),
            sp("P05", "2025-09", "agreement_id", 0.75, "AGR-099", "agreement_id does not exist"),
            sp("P07", "2025-07", "agreement_id", 0.10, "AGR-013", "agreement_id does not exist"),
            sp("P01", "2026-08", "agreement_id", 0.85, "AGR-1001", "agreement_id does not exist"),
            sp("P01", "2025-10", "agreement_wrong_partner", 0.50, "AGR-002", "agreement_id belongs to partner P02"),
            sp("P07", "2026-03", "agreement_wrong_partner", 0.30, "AGR-006", "agreement_id belongs to partner P04"),
            sp("P08", "2026-05", "agreement_wrong_partner", 0.60, "AGR-011", "agreement_id belongs to partner P04"),
            sp("P03", "2026-05", "agreement_outside_dates", 0.45, "AGR-012", "service_date after the agreement end date 2026-03-31"),
            sp("P04", "2025-07", "agreement_outside_dates", 0.55, "AGR-011", "service_date before the agreement start date 2025-10-01"),
            sp("P02", "2025-05", "agreement_outside_dates", 0.35, "AGR-009", "service_date before the agreement start date 2025-07-01"),
            sp("P06", "2025-12", "too_many_fields", 0.50, "counselling,group", "12 fields instead of 11 (unquoted comma in service_type)"),
            sp("P05", "2026-05", "too_few_fields", 0.50, "", "9 fields instead of 11 (priority_group and flex_case_ref missing)"),
            sp("P02", "2026-02", "sex", 0.50, "F", "sex not in the code list"),
            sp("P04", "2026-06", "priority_group", 0.40, "yes", "priority_group is not true|false"),
            sp("P07", "2025-11", "region_code", 0.65, "R99", "region_code does not exist"));

    /** A planted invalid transaction (an extra row). */
    record TransactionPlant(String partnerId, String agreementId, LocalDate date, String field, String type,
                            String amount, boolean amountIsJsonString, String problem) {
    }

    static final List<TransactionPlant> TRANSACTION_PLANTS = List.of(
            new TransactionPlant("P01", "AGR-005", LocalDate.of(2025, 8, 21), "amount", "expenditure", "1.234,50", true,
                    "amount is not a number (a JSON string with a decimal comma)"),
            new TransactionPlant("P02", "AGR-002", LocalDate.of(2025, 11, 14), "amount", "expenditure", "0.00", false,
                    "amount must be > 0 (zero)"),
            new TransactionPlant("P05", "AGR-004", LocalDate.of(2026, 2, 9), "amount", "expenditure", "-250.00", false,
                    "amount must be > 0 (negative)"),
            new TransactionPlant("P06", "AGR-007", LocalDate.of(2026, 6, 3), "amount", "expenditure", "TBC", false,
                    "amount is not a number"),
            new TransactionPlant("P08", "AGR-010", LocalDate.of(2026, 3, 18), "type", "transfer", "1200.00", false,
                    "type not in disbursement|expenditure|refund"));

    record Refund(String agreementId, LocalDate date, long cents, String description) {
    }

    static final List<Refund> REFUNDS = List.of(
            new Refund("AGR-003", LocalDate.of(2026, 1, 20), 185_000L, "Refund of duplicate supplier payment, ref \"INV-2207\""),
            new Refund("AGR-012", LocalDate.of(2026, 3, 27), 250_000L, "Refund of unspent pilot funds"),
            new Refund("AGR-009", LocalDate.of(2026, 8, 14), 420_000L, "Return of unspent device budget"));

    private static final String[] EXPENDITURE_TEXT = {
            "Staff salaries", "Venue hire, community hall", "Travel reimbursement (mileage)", "Training materials",
            "Laptops, refurbished", "Catering for \"graduation\" event", "Printing and stationery", "Interpreter services",
            "Outreach advertising, local radio", "Bus passes for participants", "Software licence renewal",
            "Office utilities", "Safeguarding training, 2 staff", "Evaluation consultancy", "Room hire \"Hub 2\"",
            "Mobile data vouchers", "Cleaning services", "Insurance premium", "Payroll on-costs", "Volunteer expenses"};
    private static final String[] LARGE_EXPENDITURE_TEXT = {
            "Staff salaries", "Payroll on-costs", "Subcontracted delivery, local partner", "Evaluation consultancy",
            "Equipment purchase (laptops, tablets)", "Premises lease, quarterly", "Outreach campaign, \"Get Connected\""};
    private static final String[] MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};

    // ---------------------------------------------------------------------------------------------------------------

    private final Path out;
    private final int n;
    private final long seed;
    private final TreeMap<String, Long> rowsPerFile = new TreeMap<>();
    private final List<PlantedProblem> problems = new ArrayList<>();
    private final TreeMap<String, List<String[]>> submissions = new TreeMap<>();

    // services plan (index = agreement index)
    private final int agreementCount = AGREEMENTS.size();
    private final long[][] cellRows = new long[agreementCount][MONTHS.size()];
    private final long[] poolStart = new long[agreementCount];
    private final long[] poolSize = new long[agreementCount];
    private final long[] overlapWithPrevious = new long[agreementCount];
    private final long[] rowsSoFar = new long[agreementCount];
    private final long[] enrolled = new long[agreementCount];
    private final long[] totalRows = new long[agreementCount];
    private final long[] validRows = new long[agreementCount];
    private final long[] unitTenths = new long[agreementCount];
    private final int[] homeProgramme;
    private long personCursor;
    private final TreeMap<String, long[]> programmePeople = new TreeMap<>(); // programme -> {distinct, overlap}

    // finance
    private final long[] disbursedGross = new long[agreementCount];
    private final long[] refunded = new long[agreementCount];
    private final long[] spent = new long[agreementCount];
    private final long[] expenditureCount = new long[agreementCount];

    private final List<String[]> resultExpectations = new ArrayList<>();
    private final List<String> outcomeNotes = new ArrayList<>();

    private long serviceRowsWritten;
    private long serviceFiles;
    private long plantedInvalidServices;
    private long plantedInvalidTransactions;
    private long transactionRows;
    private long resultRows;
    private long outcomeRows;
    private long submissionRows;
    private long participants;
    private long comparison;

    private SampleDataGenerator(Path out, int n, long seed) {
        this.out = out;
        this.n = n;
        this.seed = seed;
        this.homeProgramme = new int[agreementCount];
        for (int a = 0; a < agreementCount; a++) {
            homeProgramme[a] = PROGRAMMES.indexOf(ReferenceCatalog.programme(AGREEMENTS.get(a).programmeId()));
        }
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
        return new SampleDataGenerator(outDir, services, seed).run();
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

    private GenerationSummary run() throws IOException {
        Files.createDirectories(out);
        deleteTree(out.resolve("reference"));
        deleteTree(out.resolve("inbox"));
        Files.deleteIfExists(out.resolve("README.md"));
        Files.deleteIfExists(out.resolve("planted-problems.csv"));

        writeReference();
        planServices();
        writeServices();
        writeTransactions();
        writeResults();
        writeOutcomes();
        writeSubmissions();

        problems.sort(Comparator.comparingInt((PlantedProblem p) -> List.of("services", "transactions", "agreements",
                "submissions").indexOf(p.dataset())).thenComparing(PlantedProblem::file).thenComparingLong(PlantedProblem::line));
        resultExpectations.sort(Comparator.comparing((String[] r) -> r[0]).thenComparing(r -> r[1]));
        long distinct = programmePeople.values().stream().mapToLong(v -> v[0]).sum();
        GenerationSummary summary = new GenerationSummary(n, seed, PARTNERS.size(), PROGRAMMES.size(),
                AGREEMENTS.size(), INDICATORS.size(), REGIONS.size(), MONTHS.size(), serviceRowsWritten, serviceFiles,
                transactionRows, resultRows, outcomeRows, submissionRows, distinct, participants, comparison,
                plantedInvalidServices, plantedInvalidTransactions, problems, rowsPerFile);
        writeProblemsCsv();
        new ReadmeWriter(this, summary).write(out.resolve("README.md"));
        return summary;
    }

    // ------------------------------------------------------------------------------------------------ reference

    private void writeReference() throws IOException {
        try (CsvWriter w = open("reference/partners.csv")) {
            w.row("partner_id", "name", "partner_type", "region_code", "registered_id");
            for (Partner p : PARTNERS) {
                w.row(p.id(), p.name(), p.type(), p.regionCode(), p.registeredId());
            }
            done("reference/partners.csv", w);
        }
        try (CsvWriter w = open("reference/programmes.csv")) {
            w.row("programme_id", "name", "agency", "sector", "start_date", "end_date", "budget", "currency");
            for (Programme p : PROGRAMMES) {
                w.row(p.id(), p.name(), p.agency(), p.sector(), p.start().toString(), p.end().toString(),
                        Decimals.money(p.budgetCents()), p.currency());
            }
            done("reference/programmes.csv", w);
        }
        try (CsvWriter w = open("reference/agreements.csv")) {
            w.row("agreement_id", "programme_id", "partner_id", "start_date", "end_date", "committed_amount", "currency",
                    "payment_model", "reporting_due_day");
            for (Agreement a : AGREEMENTS) {
                w.row(a.id(), a.programmeId(), a.partnerId(), a.start().toString(), a.end().toString(),
                        Decimals.money(a.committedCents()), a.currency(), a.paymentModel(),
                        Integer.toString(a.reportingDueDay()));
            }
            done("reference/agreements.csv", w);
        }
        try (CsvWriter w = open("reference/indicators.csv")) {
            w.row("indicator_id", "programme_id", "name", "unit", "direction");
            for (Indicator i : INDICATORS) {
                w.row(i.id(), i.programmeId(), i.name(), i.unit(), i.direction());
            }
            done("reference/indicators.csv", w);
        }
        try (CsvWriter w = open("reference/regions.csv")) {
            w.row("region_code", "name", "priority_target_share");
            for (ReferenceCatalog.Region r : REGIONS) {
                w.row(r.code(), r.name(), r.priorityTargetShare());
            }
            done("reference/regions.csv", w);
        }
        try (CsvWriter w = open("reference/fx_rates.csv")) {
            w.row("currency", "month", "rate_to_reporting_currency");
            for (int i = 0; i < MONTHS.size(); i++) {
                w.row("CAD", MONTHS.get(i).toString(), cadRate(i));
            }
            done("reference/fx_rates.csv", w);
        }
    }

    /** USD per CAD for month index i, 4 decimals (a gentle drift with a small wobble). */
    static String cadRate(int monthIndex) {
        long e4 = 7180 + 6L * monthIndex + ((monthIndex * 5L) % 7 - 3) * 4;
        return "0." + Decimals.pad(e4, 4);
    }

    // ------------------------------------------------------------------------------------------------ services

    private void planServices() {
        int plantCount = SERVICE_PLANTS.size();
        long valid = (long) n - plantCount;
        int pilot = ReferenceCatalog.agreementIndex(ReferenceCatalog.PILOT_AGREEMENT);
        List<int[]> cells = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<int[]> pilotCells = new ArrayList<>();
        for (int a = 0; a < agreementCount; a++) {
            Agreement ag = AGREEMENTS.get(a);
            int k = 0;
            for (int m = 0; m < MONTHS.size(); m++) {
                YearMonth month = MONTHS.get(m);
                if (!ag.activeIn(month) || (ag.partnerId().equals(MISSING_PARTNER) && month.equals(MISSING_MONTH))) {
                    continue;
                }
                if (a == pilot) {
                    pilotCells.add(new int[]{a, m});
                    continue;
                }
                double ramp = k == 0 ? 0.5 : k == 1 ? 0.75 : 1.0;
                int mv = month.getMonthValue();
                double season = mv == 12 ? 0.75 : mv == 1 ? 0.9 : mv == 8 ? 0.85 : 1.0;
                cells.add(new int[]{a, m});
                weights.add(ag.serviceWeight() * ramp * season);
                k++;
            }
        }
        long[] alloc = allocate(valid - PILOT_ROWS, weights.stream().mapToDouble(Double::doubleValue).toArray());
        for (int i = 0; i < cells.size(); i++) {
            cellRows[cells.get(i)[0]][cells.get(i)[1]] = alloc[i];
        }
        double[] equal = new double[pilotCells.size()];
        java.util.Arrays.fill(equal, 1.0);
        long[] pilotAlloc = allocate(PILOT_ROWS, equal);
        for (int i = 0; i < pilotCells.size(); i++) {
            cellRows[pilotCells.get(i)[0]][pilotCells.get(i)[1]] = pilotAlloc[i];
        }
        for (int a = 0; a < agreementCount; a++) {
            long r = 0;
            for (long c : cellRows[a]) {
                r += c;
            }
            totalRows[a] = r;
            Agreement ag = AGREEMENTS.get(a);
            poolSize[a] = a == pilot ? PILOT_PEOPLE
                    : Math.max(1, Math.min(r, Math.round(r / ag.visitsPerPerson())));
        }
        // person pools: contiguous per programme; neighbouring agreements share ~3% of people (overlap)
        personCursor = 0;
        for (Programme p : PROGRAMMES) {
            long programmeStart = personCursor;
            long overlap = 0;
            int previous = -1;
            for (int a = 0; a < agreementCount; a++) {
                if (!AGREEMENTS.get(a).programmeId().equals(p.id())) {
                    continue;
                }
                if (previous < 0) {
                    poolStart[a] = personCursor;
                } else {
                    long ov = a == pilot ? 0 : Math.max(1, Math.round(0.03 * Math.min(poolSize[previous], poolSize[a])));
                    overlapWithPrevious[a] = ov;
                    overlap += ov;
                    poolStart[a] = poolStart[previous] + poolSize[previous] - ov;
                }
                personCursor = poolStart[a] + poolSize[a];
                previous = a;
            }
            programmePeople.put(p.id(), new long[]{personCursor - programmeStart, overlap});
        }
    }

    /** Largest-remainder allocation of {@code total} over weights, every cell getting at least one. */
    static long[] allocate(long total, double[] weights) {
        int k = weights.length;
        long[] result = new long[k];
        if (total < k) {
            throw new IllegalArgumentException("cannot give " + k + " cells at least one of " + total);
        }
        java.util.Arrays.fill(result, 1);
        long rest = total - k;
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] remainder = new double[k];
        long given = 0;
        for (int i = 0; i < k; i++) {
            double exact = rest * weights[i] / sum;
            long floor = (long) Math.floor(exact);
            result[i] += floor;
            given += floor;
            remainder[i] = exact - floor;
        }
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -remainder[i]).thenComparingInt(i -> i));
        for (int i = 0; given < rest; i++) {
            result[order[i % k]]++;
            given++;
        }
        return result;
    }

    static String beneficiaryRef(long person) {
        return "BEN-" + Decimals.pad(10001 + person, 6);
    }

    /** The agreement whose pool a person belongs to first (home), used for region and age profile. */
    private int homeAgreement(long person) {
        int best = -1;
        for (int a = 0; a < agreementCount; a++) {
            if (person >= poolStart[a] && person < poolStart[a] + poolSize[a] && (best < 0 || poolStart[a] < poolStart[best])) {
                best = a;
            }
        }
        return best;
    }

    /** Fixed per-person attributes: region, age band, sex, priority group. */
    private String[] personAttributes(long person) {
        long h = Rng.mix(seed ^ 0x51ED2701A3B4C5D7L ^ (person * 0x9E3779B97F4A7C15L));
        int home = homeAgreement(person);
        Agreement ag = AGREEMENTS.get(home);
        Programme prog = PROGRAMMES.get(homeProgramme[home]);
        String region;
        double u = Rng.unit(h);
        h = Rng.mix(h);
        if (u < 0.7) {
            region = ReferenceCatalog.partner(ag.partnerId()).regionCode();
        } else {
            region = REGIONS.get((int) ((h >>> 1) % REGIONS.size())).code();
            h = Rng.mix(h);
        }
        String age = ReferenceCatalog.AGE_BANDS[pick(prog.ageWeights(), Rng.unit(h))];
        h = Rng.mix(h);
        String sex = ReferenceCatalog.SEXES[pick(ReferenceCatalog.SEX_WEIGHTS, Rng.unit(h))];
        h = Rng.mix(h);
        double priorityShare = region.equals("R05") || region.equals("R06") ? 0.45 : 0.30;
        String priority = Rng.unit(h) < priorityShare ? "true" : "false";
        return new String[]{region, age, sex, priority};
    }

    private static int pick(double[] weights, double u) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = u * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0 && weights[i] > 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        return 0;
    }

    /** One generated (valid) service row before it gets its record id. */
    private record ServiceRow(LocalDate date, int agreement, long person, String serviceType, int unitTenths,
                              String flex, int order) {
    }

    private void writeServices() throws IOException {
        for (Partner p : PARTNERS) {
            for (int m = 0; m < MONTHS.size(); m++) {
                YearMonth month = MONTHS.get(m);
                List<ServiceRow> rows = new ArrayList<>();
                Rng rng = Rng.stream(seed, "services/" + p.id() + "/" + month);
                boolean any = false;
                for (int a = 0; a < agreementCount; a++) {
                    Agreement ag = AGREEMENTS.get(a);
                    if (!ag.partnerId().equals(p.id()) || cellRows[a][m] == 0) {
                        continue;
                    }
                    any = true;
                    generateCell(a, m, rng, rows);
                }
                if (!any) {
                    continue;
                }
                rows.sort(Comparator.comparing(ServiceRow::date).thenComparingInt(ServiceRow::order));
                writeServiceFile(p, month, rows);
            }
        }
        for (int a = 0; a < agreementCount; a++) {
            if (enrolled[a] != poolSize[a]) {
                throw new IllegalStateException("agreement " + AGREEMENTS.get(a).id() + " enrolled " + enrolled[a]
                        + " of " + poolSize[a]);
            }
        }
        if (serviceRowsWritten != n) {
            throw new IllegalStateException("wrote " + serviceRowsWritten + " service rows, expected " + n);
        }
    }

    private void generateCell(int a, int m, Rng rng, List<ServiceRow> rows) {
        Agreement ag = AGREEMENTS.get(a);
        Programme prog = PROGRAMMES.get(homeProgramme[a]);
        Partner partner = ReferenceCatalog.partner(ag.partnerId());
        YearMonth month = MONTHS.get(m);
        LocalDate first = max(month.atDay(1), ag.start());
        LocalDate last = min(month.atEndOfMonth(), ag.end());
        int span = (int) ChronoUnit.DAYS.between(first, last) + 1;
        List<ServiceType> types = prog.serviceTypes();
        double[] typeWeights = types.stream().mapToDouble(ServiceType::weight).toArray();
        long count = cellRows[a][m];
        long r = totalRows[a];
        long b = poolSize[a];
        for (long j = 0; j < count; j++) {
            long index = rowsSoFar[a]++;
            long target = ((index + 1) * b + r - 1) / r; // people enrolled after this row
            long position;
            if (target > enrolled[a]) {
                position = enrolled[a]++;
            } else {
                double u = rng.nextDouble();
                position = enrolled[a] - 1 - (long) (enrolled[a] * u * u);
            }
            long person = poolStart[a] + position;
            LocalDate date = first.plusDays(rng.nextInt(span));
            if (date.getDayOfWeek().getValue() >= 6 && rng.nextDouble() < 0.85) {
                date = first.plusDays(rng.nextInt(span));
            }
            ServiceType type = types.get(rng.weighted(typeWeights));
            int units = type.unitTenths()[rng.nextInt(type.unitTenths().length)];
            String flex = flexRef(partner, position, rng);
            rows.add(new ServiceRow(date, a, person, type.name(), units, flex, rows.size()));
            validRows[a]++;
            unitTenths[a] += units;
        }
    }

    private static String flexRef(Partner p, long position, Rng rng) {
        double u = rng.nextDouble();
        String base = p.flexPrefix() + "-C" + Decimals.pad(position + 1, 5);
        return switch (p.id()) {
            case "P04" -> u < 0.10 ? "HNA/2025/" + Decimals.pad(position + 1, 4) + ", visit " + (1 + rng.nextInt(4)) : base;
            case "P06" -> u < 0.05 ? "walk-in \"drop\" " + (1 + rng.nextInt(40)) : base;
            case "P05" -> u < 0.25 ? "" : base;
            default -> u < 0.15 ? "" : base;
        };
    }

    private void writeServiceFile(Partner p, YearMonth month, List<ServiceRow> rows) throws IOException {
        String rel = "inbox/" + p.id() + "/services-" + month + ".csv";
        List<ServicePlant> plants = new ArrayList<>();
        for (ServicePlant sp : SERVICE_PLANTS) {
            if (sp.partnerId().equals(p.id()) && sp.month().equals(month)) {
                plants.add(sp);
            }
        }
        plants.sort(Comparator.comparingDouble(ServicePlant::fraction));
        int size = rows.size();
        try (CsvWriter w = open(rel)) {
            w.row(SERVICE_HEADER);
            int next = 0;
            long seq = serviceSeq(p);
            for (int i = 0; i <= size; i++) {
                while (next < plants.size() && Math.min(size, (int) Math.floor(plants.get(next).fraction() * size)) == i) {
                    ServiceRow base = rows.get(Math.min(i, size - 1));
                    seq++;
                    writePlantedService(w, rel, p, plants.get(next), base, seq);
                    next++;
                }
                if (i < size) {
                    seq++;
                    w.row(serviceFields(p, rows.get(i), seq));
                    serviceRowsWritten++;
                }
            }
            if (next != plants.size()) {
                throw new IllegalStateException("unplaced service plant in " + rel);
            }
            setServiceSeq(p, seq);
            done(rel, w);
        }
        serviceFiles++;
        submission(p.id(), "services-" + month + ".csv", serviceSubmittedAt(p, month));
    }

    private final long[] serviceSeqs = new long[PARTNERS.size()];

    private long serviceSeq(Partner p) {
        return serviceSeqs[PARTNERS.indexOf(p)];
    }

    private void setServiceSeq(Partner p, long seq) {
        serviceSeqs[PARTNERS.indexOf(p)] = seq;
    }

    private static String recordId(Partner p, long seq) {
        return "SRV-" + p.id() + "-" + Decimals.pad(seq, 6);
    }

    private String[] serviceFields(Partner p, ServiceRow row, long seq) {
        String[] attrs = personAttributes(row.person());
        return new String[]{recordId(p, seq), AGREEMENTS.get(row.agreement()).id(), row.date().toString(),
                beneficiaryRef(row.person()), row.serviceType(), Decimals.tenths(row.unitTenths()), attrs[0], attrs[1],
                attrs[2], attrs[3], row.flex()};
    }

    private void writePlantedService(CsvWriter w, String rel, Partner p, ServicePlant plant, ServiceRow base, long seq)
            throws IOException {
        String[] f = serviceFields(p, base, seq);
        String field = plant.kind();
        long line;
        switch (plant.kind()) {
            case "age_band" -> f[7] = plant.value();
            case "units" -> f[5] = plant.value();
            case "beneficiary_ref" -> f[3] = plant.value();
            case "service_date" -> f[2] = plant.value();
            case "sex" -> f[8] = plant.value();
            case "priority_group" -> f[9] = plant.value();
            case "region_code" -> f[6] = plant.value();
            case "agreement_id" -> f[1] = plant.value();
            case "agreement_wrong_partner" -> {
                Agreement other = AGREEMENTS.get(ReferenceCatalog.agreementIndex(plant.value()));
                check(!other.partnerId().equals(p.id()) && other.covers(base.date()), "wrong-partner plant " + plant);
                f[1] = plant.value();
                field = "agreement_id";
            }
            case "agreement_outside_dates" -> {
                Agreement own = AGREEMENTS.get(ReferenceCatalog.agreementIndex(plant.value()));
                check(own.partnerId().equals(p.id()) && !own.covers(base.date()), "outside-dates plant " + plant);
                f[1] = plant.value();
                field = "service_date";
            }
            case "too_many_fields" -> {
                f[4] = plant.value();
                f[10] = "";
                field = "(row)";
            }
            case "too_few_fields" -> {
                f = java.util.Arrays.copyOf(f, 9);
                field = "(row)";
            }
            default -> throw new IllegalStateException(plant.kind());
        }
        if (plant.kind().endsWith("_fields")) {
            line = w.raw(String.join(",", f));
        } else {
            line = w.row(f);
        }
        String value = switch (plant.kind()) {
            case "agreement_outside_dates" -> f[2] + " (agreement " + plant.value() + ")";
            case "too_many_fields" -> "service_type written as " + plant.value() + " without quotes";
            case "too_few_fields" -> "ends after sex";
            default -> plant.value();
        };
        problems.add(new PlantedProblem("services", rel, line, f[0], field, value, plant.problem(), true));
        plantedInvalidServices++;
        serviceRowsWritten++;
    }

    private String serviceSubmittedAt(Partner p, YearMonth month) {
        int due = 28;
        for (Agreement a : AGREEMENTS) {
            if (a.partnerId().equals(p.id()) && a.activeIn(month)) {
                due = Math.min(due, a.reportingDueDay());
            }
        }
        LocalDate dueDate = month.plusMonths(1).atDay(due);
        if (p.id().equals(LATE_PARTNER) && month.equals(LATE_MONTH)) {
            String at = dueDate.plusDays(LATE_DAYS) + "T10:15:00Z";
            problems.add(new PlantedProblem("submissions", "inbox/" + p.id() + "/_submissions.csv", 0,
                    "services-" + month + ".csv", "submitted_at", at,
                    "submitted " + LATE_DAYS + " days after its due date " + dueDate + " (reporting_due_day " + due + ")", false));
            return at;
        }
        Rng rng = Rng.stream(seed, "submitted/" + p.id() + "/" + month);
        LocalDate day = dueDate.minusDays(1 + rng.nextInt(5));
        return day + "T" + Decimals.pad(8 + rng.nextInt(10), 2) + ":" + Decimals.pad(rng.nextInt(60), 2) + ":"
                + Decimals.pad(rng.nextInt(60), 2) + "Z";
    }

    // ------------------------------------------------------------------------------------------------ transactions

    /** A transaction before it gets its id. */
    private record Tx(LocalDate date, int typeOrder, String type, int agreement, String amount, boolean jsonString,
                      long cents, String description, TransactionPlant plant, int seq) {
    }

    private void writeTransactions() throws IOException {
        long total = Math.max(Math.round(n / 10.0), 1000);
        // disbursements: quarterly tranches from the start date, paid on the 5th, up to the period end
        List<List<Tx>> perPartner = new ArrayList<>();
        for (int i = 0; i < PARTNERS.size(); i++) {
            perPartner.add(new ArrayList<>());
        }
        int seq = 0;
        long fixedRows = 0;
        for (int a = 0; a < agreementCount; a++) {
            Agreement ag = AGREEMENTS.get(a);
            int pi = PARTNERS.indexOf(ReferenceCatalog.partner(ag.partnerId()));
            long months = ChronoUnit.MONTHS.between(YearMonth.from(ag.start()), YearMonth.from(ag.end())) + 1;
            int tranches = (int) ((months + 2) / 3);
            long base = ag.committedCents() / tranches;
            String agency = ReferenceCatalog.programme(ag.programmeId()).agency();
            for (int k = 0; k < tranches; k++) {
                LocalDate date = ag.start().plusMonths(3L * k).plusDays(4);
                if (date.isAfter(PERIOD_END) || date.isAfter(ag.end())) {
                    break;
                }
                long cents = k == tranches - 1 ? ag.committedCents() - base * (tranches - 1) : base;
                perPartner.get(pi).add(new Tx(date, 0, "disbursement", a, Decimals.money(cents), false, cents,
                        "Quarterly tranche " + (k + 1) + " of " + tranches + " from " + agency, null, seq++));
                disbursedGross[a] += cents;
                fixedRows++;
                if (ag.id().equals(OVERDISBURSED_AGREEMENT) && k == tranches - 1) {
                    LocalDate extra = date.plusDays(45);
                    check(ag.covers(extra), "extra tranche inside agreement");
                    perPartner.get(pi).add(new Tx(extra, 0, "disbursement", a, Decimals.money(cents), false, cents,
                            "Supplementary tranche (tranche " + tranches + " paid again)", null, seq++));
                    disbursedGross[a] += cents;
                    fixedRows++;
                }
            }
        }
        for (Refund r : REFUNDS) {
            int a = ReferenceCatalog.agreementIndex(r.agreementId());
            check(AGREEMENTS.get(a).covers(r.date()), "refund inside agreement");
            int pi = PARTNERS.indexOf(ReferenceCatalog.partner(AGREEMENTS.get(a).partnerId()));
            perPartner.get(pi).add(new Tx(r.date(), 2, "refund", a, Decimals.money(r.cents()), false, r.cents(),
                    r.description(), null, seq++));
            refunded[a] += r.cents();
            fixedRows++;
        }
        for (TransactionPlant tp : TRANSACTION_PLANTS) {
            int a = ReferenceCatalog.agreementIndex(tp.agreementId());
            check(AGREEMENTS.get(a).partnerId().equals(tp.partnerId()) && AGREEMENTS.get(a).covers(tp.date()), "tx plant " + tp);
            int pi = PARTNERS.indexOf(ReferenceCatalog.partner(tp.partnerId()));
            perPartner.get(pi).add(new Tx(tp.date(), 1, tp.type(), a, tp.amount(), tp.amountIsJsonString(), 0,
                    EXPENDITURE_TEXT[(int) (Math.abs(tp.date().toEpochDay()) % EXPENDITURE_TEXT.length)], tp, seq++));
            fixedRows++;
        }
        // expenditures: the rest, split equally over partners, then over each partner's agreement-months
        long extraExpenditures = 2; // the after-end expenditure and the duplicate copy
        long expenditures = total - fixedRows - extraExpenditures;
        double[] equal = new double[PARTNERS.size()];
        java.util.Arrays.fill(equal, 1.0);
        long[] perPartnerCount = allocate(expenditures, equal);
        for (int pi = 0; pi < PARTNERS.size(); pi++) {
            Partner p = PARTNERS.get(pi);
            List<int[]> cells = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            for (int a = 0; a < agreementCount; a++) {
                Agreement ag = AGREEMENTS.get(a);
                if (!ag.partnerId().equals(p.id())) {
                    continue;
                }
                for (int m = 0; m < MONTHS.size(); m++) {
                    if (ag.activeIn(MONTHS.get(m))) {
                        cells.add(new int[]{a, m});
                        weights.add(ag.id().equals(ReferenceCatalog.PILOT_AGREEMENT) ? 0.3 : 1.0);
                    }
                }
            }
            long[] alloc = allocate(perPartnerCount[pi], weights.stream().mapToDouble(Double::doubleValue).toArray());
            for (int a = 0; a < agreementCount; a++) {
                Agreement ag = AGREEMENTS.get(a);
                if (!ag.partnerId().equals(p.id())) {
                    continue;
                }
                long count = 0;
                for (int c = 0; c < cells.size(); c++) {
                    if (cells.get(c)[0] == a) {
                        count += alloc[c];
                    }
                }
                Rng rng = Rng.stream(seed, "expenditures/" + ag.id());
                long target = Math.round(ag.absorption() * (disbursedGross[a] - refunded[a]));
                long[] amounts = p.id().equals(BENFORD_FAIL_PARTNER)
                        ? roundedAmounts(count, target, rng) : benfordAmounts(count, target, rng);
                int next = 0;
                for (int c = 0; c < cells.size(); c++) {
                    if (cells.get(c)[0] != a) {
                        continue;
                    }
                    YearMonth month = MONTHS.get(cells.get(c)[1]);
                    LocalDate first = max(month.atDay(1), ag.start());
                    LocalDate last = min(min(month.atEndOfMonth(), ag.end()), PERIOD_END);
                    int span = (int) ChronoUnit.DAYS.between(first, last) + 1;
                    for (long j = 0; j < alloc[c]; j++) {
                        long cents = amounts[next++];
                        LocalDate date = first.plusDays(rng.nextInt(span));
                        String[] texts = cents >= 2_000_000L ? LARGE_EXPENDITURE_TEXT : EXPENDITURE_TEXT;
                        String text = texts[rng.nextInt(texts.length)] + ", "
                                + MONTH_NAMES[month.getMonthValue() - 1] + " " + month.getYear();
                        perPartner.get(pi).add(new Tx(date, 1, "expenditure", a, Decimals.money(cents), false, cents,
                                text, null, seq++));
                    }
                }
            }
        }
        // the expenditure dated after its agreement's end
        int afterEnd = ReferenceCatalog.agreementIndex(AFTER_END_AGREEMENT);
        check(AFTER_END_DATE.isAfter(AGREEMENTS.get(afterEnd).end()), "after-end date");
        int afterEndPartner = PARTNERS.indexOf(ReferenceCatalog.partner(AGREEMENTS.get(afterEnd).partnerId()));
        Tx afterEndTx = new Tx(AFTER_END_DATE, 1, "expenditure", afterEnd, "850.00", false, 85_000L,
                "Final evaluation report printing", null, seq++);
        perPartner.get(afterEndPartner).add(afterEndTx);

        for (int pi = 0; pi < PARTNERS.size(); pi++) {
            Partner p = PARTNERS.get(pi);
            List<Tx> txs = perPartner.get(pi);
            txs.sort(Comparator.comparing(Tx::date).thenComparingInt(Tx::typeOrder).thenComparingInt(Tx::seq));
            int duplicateOf = -1;
            int dupAgreement = ReferenceCatalog.agreementIndex(DUPLICATE_AGREEMENT);
            if (AGREEMENTS.get(dupAgreement).partnerId().equals(p.id())) {
                List<Integer> candidates = new ArrayList<>();
                for (int i = 0; i < txs.size(); i++) {
                    if (txs.get(i).agreement() == dupAgreement && txs.get(i).type().equals("expenditure")) {
                        candidates.add(i);
                    }
                }
                duplicateOf = candidates.get((int) (candidates.size() * 0.4));
                Tx original = txs.get(duplicateOf);
                txs.add(duplicateOf + 1, new Tx(original.date(), 1, "expenditure", dupAgreement, original.amount(), false,
                        original.cents(), original.description(), null, seq++));
            }
            writeTransactionFile(p, txs, duplicateOf, afterEndTx);
        }
        if (transactionRows != total) {
            throw new IllegalStateException("wrote " + transactionRows + " transactions, expected " + total);
        }
    }

    /** Amounts whose first digits follow Benford's law closely: stratified log-mantissas, spread over 4 decades. */
    private static long[] benfordAmounts(long count, long targetCents, Rng rng) {
        int k = (int) count;
        int[] perm = new int[k];
        for (int i = 0; i < k; i++) {
            perm[i] = i;
        }
        for (int i = k - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        double[] raw = new double[k];
        double sum = 0;
        double[] decades = {0.20, 0.45, 0.30, 0.05};
        for (int i = 0; i < k; i++) {
            double mantissa = (perm[i] + rng.nextDouble()) / k;
            int decade = 1 + rng.weighted(decades);
            raw[i] = StrictMath.pow(10.0, decade + mantissa);
            sum += raw[i];
        }
        double scale = targetCents / sum;
        long[] cents = new long[k];
        for (int i = 0; i < k; i++) {
            cents[i] = Math.max(1, Math.round(raw[i] * scale));
        }
        return cents;
    }

    /** Suspicious amounts: uniform around the mean and rounded to 50.00 (first digits far from Benford). */
    private static long[] roundedAmounts(long count, long targetCents, Rng rng) {
        double mean = (double) targetCents / count;
        long[] cents = new long[(int) count];
        for (int i = 0; i < count; i++) {
            double x = mean * (0.55 + 0.9 * rng.nextDouble());
            cents[i] = Math.max(5_000L, Math.round(x / 5_000.0) * 5_000L);
        }
        return cents;
    }

    private void writeTransactionFile(Partner p, List<Tx> txs, int duplicateOf, Tx afterEndTx) throws IOException {
        String rel = "inbox/" + p.id() + "/" + p.transactionsFile();
        boolean json = p.jsonTransactions();
        StringBuilder sb = new StringBuilder(256);
        try (CsvWriter w = open(rel)) {
            if (!json) {
                w.row(TRANSACTION_HEADER);
            }
            long firstDuplicateLine = 0;
            String firstDuplicateId = null;
            for (int i = 0; i < txs.size(); i++) {
                Tx t = txs.get(i);
                Agreement ag = AGREEMENTS.get(t.agreement());
                String id = "TRX-" + p.id() + "-" + Decimals.pad(i + 1, 6);
                long line;
                if (json) {
                    sb.setLength(0);
                    sb.append("{\"transaction_id\":");
                    CsvWriter.appendJsonString(sb, id);
                    sb.append(",\"agreement_id\":");
                    CsvWriter.appendJsonString(sb, ag.id());
                    sb.append(",\"date\":");
                    CsvWriter.appendJsonString(sb, t.date().toString());
                    sb.append(",\"type\":");
                    CsvWriter.appendJsonString(sb, t.type());
                    sb.append(",\"amount\":");
                    if (t.jsonString()) {
                        CsvWriter.appendJsonString(sb, t.amount());
                    } else {
                        sb.append(t.amount());
                    }
                    sb.append(",\"currency\":");
                    CsvWriter.appendJsonString(sb, ag.currency());
                    sb.append(",\"description\":");
                    CsvWriter.appendJsonString(sb, t.description());
                    sb.append('}');
                    line = w.raw(sb);
                } else {
                    line = w.row(id, ag.id(), t.date().toString(), t.type(), t.amount(), ag.currency(), t.description());
                }
                transactionRows++;
                if (t.plant() != null) {
                    problems.add(new PlantedProblem("transactions", rel, line, id, t.plant().field(),
                            t.plant().field().equals("type") ? t.type() : t.amount(), t.plant().problem(), true));
                    plantedInvalidTransactions++;
                    continue;
                }
                switch (t.type()) {
                    case "disbursement" -> { /* counted when planned */ }
                    case "refund" -> { /* counted when planned */ }
                    default -> {
                        spent[t.agreement()] += t.cents();
                        expenditureCount[t.agreement()]++;
                    }
                }
                if (i == duplicateOf) {
                    firstDuplicateLine = line;
                    firstDuplicateId = id;
                } else if (duplicateOf >= 0 && i == duplicateOf + 1) {
                    problems.add(new PlantedProblem("transactions", rel, line, id, "transaction_id",
                            firstDuplicateId + " (line " + firstDuplicateLine + ") and " + id + " (line " + line + ")",
                            "duplicate expenditure: same agreement " + ag.id() + ", date " + t.date() + " and amount "
                                    + t.amount() + " as " + firstDuplicateId + ", different transaction_id (both rows are valid)",
                            false));
                }
                if (t == afterEndTx) {
                    problems.add(new PlantedProblem("transactions", rel, line, id, "date", t.date().toString(),
                            "expenditure dated after the agreement end date " + ag.end() + " (" + ag.id()
                                    + "; row is otherwise valid and counts in spent)", false));
                }
            }
            done(rel, w);
        }
        submission(p.id(), p.transactionsFile(), "2026-10-05T09:" + Decimals.pad(10 + PARTNERS.indexOf(p) * 3, 2) + ":00Z");
    }

    // ------------------------------------------------------------------------------------------------ results

    private void writeResults() throws IOException {
        for (Partner p : PARTNERS) {
            String rel = "inbox/" + p.id() + "/results.csv";
            try (CsvWriter w = open(rel)) {
                w.row(RESULT_HEADER);
                for (int a = 0; a < agreementCount; a++) {
                    Agreement ag = AGREEMENTS.get(a);
                    if (!ag.partnerId().equals(p.id())) {
                        continue;
                    }
                    int ii = 0;
                    for (Indicator ind : INDICATORS) {
                        if (!ind.programmeId().equals(ag.programmeId())) {
                            continue;
                        }
                        writeSeries(w, ag, a, ind, ii++);
                    }
                }
                done(rel, w);
            }
            submission(p.id(), "results.csv", "2026-10-07T11:" + Decimals.pad(5 + PARTNERS.indexOf(p) * 4, 2) + ":00Z");
        }
    }

    private void writeSeries(CsvWriter w, Agreement ag, int a, Indicator ind, int indicatorIndex) throws IOException {
        boolean quarterly = ag.id().equals(ReferenceCatalog.QUARTERLY_AGREEMENT) && ind.id().equals(ReferenceCatalog.QUARTERLY_INDICATOR);
        List<String> periods = new ArrayList<>();
        List<LocalDate> periodEnds = new ArrayList<>();
        LocalDate lastEnd = min(ag.end(), PERIOD_END);
        for (YearMonth m : MONTHS) {
            if (!ag.activeIn(m) || m.atEndOfMonth().isAfter(lastEnd)) {
                continue;
            }
            if (quarterly) {
                if (m.getMonthValue() % 3 == 0) {
                    periods.add(m.getYear() + "-Q" + (m.getMonthValue() / 3));
                    periodEnds.add(m.atEndOfMonth());
                }
            } else {
                periods.add(m.toString());
                periodEnds.add(m.atEndOfMonth());
            }
        }
        double baseline = ind.baseline();
        double target = ind.targetFor(ag);
        double elapsed = elapsed(ag, AS_OF);
        int cls = (a + indicatorIndex) % 3;
        double wanted = switch (cls) {
            case 0 -> 1.03 * elapsed;
            case 1 -> elapsed - 0.175;
            default -> elapsed - 0.40;
        };
        double f = wanted / elapsed;
        int scale = switch (ind.unit()) {
            case "count" -> 0;
            case "currency" -> 2;
            default -> 1;
        };
        Rng rng = Rng.stream(seed, "results/" + ag.id() + "/" + ind.id());
        String lastActual = null;
        for (int i = 0; i < periods.size(); i++) {
            double e = elapsed(ag, periodEnds.get(i));
            double noise = i == periods.size() - 1 ? 0 : 0.03 * rng.nextGaussian();
            double actual = baseline + (target - baseline) * (f * e + noise);
            double hi = ind.unit().equals("percent") ? 100 : Double.MAX_VALUE;
            actual = Math.max(0, Math.min(hi, actual));
            lastActual = Decimals.fixed(actual, scale);
            w.row(ag.id(), ind.id(), periods.get(i), Decimals.fixed(baseline, scale), Decimals.fixed(target, scale), lastActual);
            resultRows++;
        }
        double b = Double.parseDouble(Decimals.fixed(baseline, scale));
        double t = Double.parseDouble(Decimals.fixed(target, scale));
        double attainment = (Double.parseDouble(lastActual) - b) / (t - b);
        String status = attainment >= elapsed - 0.10 ? "on track" : attainment >= elapsed - 0.25 ? "at risk" : "off track";
        String wantedStatus = cls == 0 ? "on track" : cls == 1 ? "at risk" : "off track";
        check(status.equals(wantedStatus), "status of " + ag.id() + "/" + ind.id() + " is " + status);
        resultExpectations.add(new String[]{ag.id(), ind.id(), ind.direction(), Integer.toString(periods.size()),
                periods.get(periods.size() - 1), Decimals.fixed(b, scale), Decimals.fixed(t, scale), lastActual,
                Decimals.fixed(attainment, 4), Decimals.fixed(elapsed, 4), status});
    }

    /** clamp((date - start) / (end - start), 0, 1) in days. */
    static double elapsed(Agreement ag, LocalDate date) {
        double x = (double) ChronoUnit.DAYS.between(ag.start(), date) / ChronoUnit.DAYS.between(ag.start(), ag.end());
        return Math.max(0, Math.min(1, x));
    }

    // ------------------------------------------------------------------------------------------------ outcomes

    private void writeOutcomes() throws IOException {
        List<Integer> agreements = new ArrayList<>();
        for (int a = 0; a < agreementCount; a++) {
            if (AGREEMENTS.get(a).programmeId().equals(ReferenceCatalog.OUTCOME_PROGRAMME)) {
                agreements.add(a);
            }
        }
        long wantedParticipants = Math.max(30, Math.min(12_000, Math.round(n * 0.015)));
        long wantedComparison = Math.max(20, Math.min(8_000, Math.round(n * 0.01)));
        double[] equal = new double[agreements.size()];
        java.util.Arrays.fill(equal, 1.0);
        long[] partAlloc = allocate(wantedParticipants, equal);
        long[] compAlloc = allocate(wantedComparison, equal);
        long comparisonCursor = personCursor; // people never served
        double sumChangeP = 0;
        double sumSqP = 0;
        long nP = 0;
        double sumChangeC = 0;
        double sumSqC = 0;
        long nC = 0;
        long dropouts = 0;
        long participantIndex = 0;
        for (Partner p : PARTNERS) {
            List<Integer> mine = agreements.stream().filter(a -> AGREEMENTS.get(a).partnerId().equals(p.id())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            String rel = "inbox/" + p.id() + "/outcome_measurements.csv";
            try (CsvWriter w = open(rel)) {
                w.row(OUTCOME_HEADER);
                for (int a : mine) {
                    Agreement ag = AGREEMENTS.get(a);
                    int slot = agreements.indexOf(a);
                    Rng rng = Rng.stream(seed, "outcomes/" + ag.id());
                    // participants: people of this agreement's own (non-shared) part of the pool
                    int next = agreements.indexOf(a) + 1 < agreements.size() ? agreements.get(agreements.indexOf(a) + 1) : -1;
                    long from = overlapWithPrevious[a];
                    long to = poolSize[a] - (next >= 0 ? overlapWithPrevious[next] : 0);
                    long avail = to - from;
                    long count = Math.min(partAlloc[slot], avail);
                    for (long j = 0; j < count; j++) {
                        long person = poolStart[a] + from + j * avail / count;
                        boolean dropout = participantIndex++ % 50 == 49;
                        double[] change = measurement(w, ag, person, "participant", 4.5, 6.5, dropout, rng);
                        participants++;
                        if (dropout) {
                            dropouts++;
                        } else {
                            nP++;
                            sumChangeP += change[0];
                            sumSqP += change[0] * change[0];
                        }
                    }
                    for (long j = 0; j < compAlloc[slot]; j++) {
                        long person = comparisonCursor++;
                        double[] change = measurement(w, ag, person, "comparison", 1.0, 6.0, false, rng);
                        comparison++;
                        nC++;
                        sumChangeC += change[0];
                        sumSqC += change[0] * change[0];
                    }
                }
                done(rel, w);
            }
            submission(p.id(), "outcome_measurements.csv", "2026-10-08T14:" + Decimals.pad(20 + PARTNERS.indexOf(p) * 2, 2) + ":00Z");
        }
        double meanP = sumChangeP / nP;
        double meanC = sumChangeC / nC;
        double sdP = Math.sqrt((sumSqP - nP * meanP * meanP) / (nP - 1));
        double sdC = Math.sqrt((sumSqC - nC * meanC * meanC) / (nC - 1));
        outcomeNotes.add("participants: " + participants + " people (" + nP + " with baseline and followup, " + dropouts
                + " with a baseline only)");
        outcomeNotes.add("comparison: " + comparison + " people, all with baseline and followup; their refs never appear in services");
        outcomeNotes.add("participant mean change (followup - baseline): " + Decimals.fixed(meanP, 4) + " (sd " + Decimals.fixed(sdP, 4)
                + ", n " + nP + ", d_z " + Decimals.fixed(meanP / sdP, 4) + ")");
        outcomeNotes.add("comparison mean change: " + Decimals.fixed(meanC, 4) + " (sd " + Decimals.fixed(sdC, 4) + ", n " + nC + ")");
        outcomeNotes.add("difference in differences: " + Decimals.fixed(meanP - meanC, 4) + " (Welch SE "
                + Decimals.fixed(Math.sqrt(sdP * sdP / nP + sdC * sdC / nC), 4) + ")");
    }

    /** Writes baseline (and unless dropout, followup) rows; returns {followup - baseline}. */
    private double[] measurement(CsvWriter w, Agreement ag, long person, String group, double effect, double sd,
                                 boolean dropout, Rng rng) throws IOException {
        LocalDate baselineDate = ag.start().plusDays(rng.nextInt(150));
        LocalDate followupDate = baselineDate.plusDays(168 + rng.nextInt(29));
        check(!followupDate.isAfter(min(ag.end(), PERIOD_END)), "followup inside agreement");
        long before = Math.max(14, Math.min(70, Math.round(41 + 7 * rng.nextGaussian())));
        long after = Math.max(14, Math.min(70, Math.round(before + effect + sd * rng.nextGaussian())));
        String ref = beneficiaryRef(person);
        String indicator = ReferenceCatalog.OUTCOME_INDICATOR;
        w.row(ag.id(), ref, indicator, baselineDate.toString(), "baseline", group, Long.toString(before));
        outcomeRows++;
        if (!dropout) {
            w.row(ag.id(), ref, indicator, followupDate.toString(), "followup", group, Long.toString(after));
            outcomeRows++;
        }
        return new double[]{after - before};
    }

    // ------------------------------------------------------------------------------------------------ metadata

    private void submission(String partnerId, String file, String at) {
        submissions.computeIfAbsent(partnerId, k -> new ArrayList<>()).add(new String[]{file, at});
    }

    private void writeSubmissions() throws IOException {
        for (Partner p : PARTNERS) {
            String rel = "inbox/" + p.id() + "/_submissions.csv";
            List<String[]> rows = new ArrayList<>(submissions.getOrDefault(p.id(), List.of()));
            rows.sort(Comparator.comparing((String[] r) -> r[0]));
            try (CsvWriter w = open(rel)) {
                w.row(SUBMISSION_HEADER);
                for (String[] r : rows) {
                    long line = w.row(r);
                    submissionRows++;
                    for (int i = 0; i < problems.size(); i++) {
                        PlantedProblem pp = problems.get(i);
                        if (pp.dataset().equals("submissions") && pp.file().equals(rel) && pp.recordId().equals(r[0])) {
                            problems.set(i, new PlantedProblem(pp.dataset(), pp.file(), line, pp.recordId(), pp.field(),
                                    pp.value(), pp.problem(), false));
                        }
                    }
                }
                done(rel, w);
            }
        }
        String missingFile = "inbox/" + MISSING_PARTNER + "/services-" + MISSING_MONTH + ".csv";
        problems.add(new PlantedProblem("submissions", missingFile, 0, MISSING_PARTNER, "(file)", "(absent)",
                "no services file for " + MISSING_MONTH + " although agreement "
                        + AGREEMENTS.stream().filter(a -> a.partnerId().equals(MISSING_PARTNER)).findFirst().orElseThrow().id()
                        + " is active (completeness: one month with no submission)", false));
        // aggregate flags
        int over = ReferenceCatalog.agreementIndex(OVERSPEND_AGREEMENT);
        long disbursedOver = disbursedGross[over] - refunded[over];
        check(spent[over] > disbursedOver * 1.1, "overspend planted");
        problems.add(new PlantedProblem("agreements", "inbox/" + AGREEMENTS.get(over).partnerId() + "/"
                + ReferenceCatalog.partner(AGREEMENTS.get(over).partnerId()).transactionsFile(), 0, OVERSPEND_AGREEMENT,
                "spent > disbursed", Decimals.money(spent[over]) + " > " + Decimals.money(disbursedOver),
                "spent exceeds disbursed by " + Decimals.fixed(100.0 * (spent[over] - disbursedOver) / disbursedOver, 1)
                        + "% (threshold 10%)", false));
        int od = ReferenceCatalog.agreementIndex(OVERDISBURSED_AGREEMENT);
        long disbursedOd = disbursedGross[od] - refunded[od];
        check(disbursedOd > AGREEMENTS.get(od).committedCents(), "over-disbursement planted");
        problems.add(new PlantedProblem("agreements", "inbox/" + AGREEMENTS.get(od).partnerId() + "/"
                + ReferenceCatalog.partner(AGREEMENTS.get(od).partnerId()).transactionsFile(), 0, OVERDISBURSED_AGREEMENT,
                "disbursed > committed", Decimals.money(disbursedOd) + " > " + Decimals.money(AGREEMENTS.get(od).committedCents()),
                "disbursed exceeds committed (a supplementary tranche repeats the last one)", false));
        for (int a = 0; a < agreementCount; a++) {
            long d = disbursedGross[a] - refunded[a];
            if (a != over) {
                check(spent[a] <= d * 1.1, "no unplanned overspend " + AGREEMENTS.get(a).id());
            }
            if (a != od) {
                check(d <= AGREEMENTS.get(a).committedCents(), "no unplanned over-disbursement " + AGREEMENTS.get(a).id());
            }
        }
        Partner benford = ReferenceCatalog.partner(BENFORD_FAIL_PARTNER);
        problems.add(new PlantedProblem("transactions", "inbox/" + benford.id() + "/" + benford.transactionsFile(), 0,
                benford.id(), "amount (expenditures)", "uniform, multiples of 50.00",
                "expenditure amounts are uniform around their mean and rounded to 50.00: first digits fail Benford's law", false));
        int pilot = ReferenceCatalog.agreementIndex(ReferenceCatalog.PILOT_AGREEMENT);
        problems.add(new PlantedProblem("services", "inbox/" + AGREEMENTS.get(pilot).partnerId() + "/services-*.csv", 0,
                ReferenceCatalog.PILOT_AGREEMENT, "beneficiary_ref", PILOT_PEOPLE + " distinct",
                "fewer than 10 distinct beneficiaries (disclosure control must suppress)", false));
    }

    private void writeProblemsCsv() throws IOException {
        try (CsvWriter w = new CsvWriter(out.resolve("planted-problems.csv"))) {
            w.row("dataset", "file", "line", "record_id", "field", "value", "problem", "row_invalid");
            for (PlantedProblem p : problems) {
                w.row(p.dataset(), p.file(), Long.toString(p.line()), p.recordId(), p.field(), p.value(), p.problem(),
                        Boolean.toString(p.rowInvalid()));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private CsvWriter open(String rel) throws IOException {
        return new CsvWriter(out.resolve(rel));
    }

    private void done(String rel, CsvWriter w) {
        boolean headerless = rel.endsWith(".jsonl");
        rowsPerFile.put(rel, w.lines() - (headerless ? 0 : 1));
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("generator invariant broken: " + what);
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static ServicePlant sp(String partner, String month, String kind, double fraction, String value, String problem) {
        return new ServicePlant(partner, YearMonth.parse(month), kind, fraction, value, problem);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ README access

    int nServices() {
        return n;
    }

    long seed() {
        return seed;
    }

    List<String[]> agreementFigures() {
        List<String[]> rows = new ArrayList<>();
        for (int a = 0; a < agreementCount; a++) {
            Agreement ag = AGREEMENTS.get(a);
            rows.add(new String[]{ag.id(), ag.programmeId(), ag.partnerId(), ag.currency(),
                    Decimals.money(ag.committedCents()), Decimals.money(disbursedGross[a] - refunded[a]),
                    Decimals.money(spent[a]), Long.toString(expenditureCount[a]), Long.toString(validRows[a]),
                    Long.toString(poolSize[a]), Decimals.tenths(unitTenths[a])});
        }
        return rows;
    }

    List<String[]> programmeFigures() {
        List<String[]> rows = new ArrayList<>();
        programmePeople.forEach((id, v) -> rows.add(new String[]{id, Long.toString(v[0]), Long.toString(v[1])}));
        return rows;
    }

    List<String[]> resultExpectations() {
        return resultExpectations;
    }

    List<String> outcomeNotes() {
        return outcomeNotes;
    }

    TreeMap<String, List<String[]>> submissionsByPartner() {
        return submissions;
    }

}
