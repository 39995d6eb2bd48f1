package org.glasshouse.generate;

import static org.glasshouse.generate.ReferenceCatalog.AGREEMENTS;
import static org.glasshouse.generate.ReferenceCatalog.PARTNERS;
import static org.glasshouse.generate.ReferenceCatalog.PROGRAMMES;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.glasshouse.generate.ReferenceCatalog.Agreement;
import org.glasshouse.generate.ReferenceCatalog.Partner;
import org.glasshouse.generate.ReferenceCatalog.Programme;
import org.glasshouse.generate.ReferenceCatalog.ServiceType;

/**
 * Writes {@code inbox/<partner>/services-YYYY-MM.csv}: one file per partner and month with activity, rows drawn per
 * agreement (people enrolled progressively, then revisiting), ordered by date, with the planted invalid rows placed
 * at their fraction of the file. Streams file by file: memory is bounded by the largest file ({@link ServiceRows}).
 */
final class ServiceFiles {
    static final String[] HEADER = {"record_id", "agreement_id", "service_date", "beneficiary_ref",
            "service_type", "units", "region_code", "age_band", "sex", "priority_group", "flex_case_ref"};

    private final ServicePlan plan;
    private final OutputSet set;
    private final long seed;
    private final long[] rowsSoFar;
    private final long[] enrolled;
    final long[] validRows;
    final long[] unitTenths;
    private final long[] serviceSeqs = new long[PARTNERS.size()];
    long rowsWritten;
    long files;
    long plantedInvalid;

    ServiceFiles(ServicePlan plan, OutputSet set, long seed) {
        this.plan = plan;
        this.set = set;
        this.seed = seed;
        int n = plan.agreementCount;
        this.rowsSoFar = new long[n];
        this.enrolled = new long[n];
        this.validRows = new long[n];
        this.unitTenths = new long[n];
    }

    void write(int expectedRows) throws IOException {
        for (Partner p : PARTNERS) {
            for (int m = 0; m < Period.MONTHS.size(); m++) {
                YearMonth month = Period.MONTHS.get(m);
                ServiceRows rows = new ServiceRows();
                Rng rng = Rng.stream(seed, "services/" + p.id() + "/" + month);
                boolean any = false;
                for (int a = 0; a < plan.agreementCount; a++) {
                    Agreement ag = AGREEMENTS.get(a);
                    if (!ag.partnerId().equals(p.id()) || plan.cellRows[a][m] == 0) {
                        continue;
                    }
                    any = true;
                    generateCell(a, m, rng, rows);
                }
                if (any) {
                    writeFile(p, month, rows);
                }
            }
        }
        for (int a = 0; a < plan.agreementCount; a++) {
            if (enrolled[a] != plan.poolSize[a]) {
                throw new IllegalStateException("agreement " + AGREEMENTS.get(a).id() + " enrolled " + enrolled[a]
                        + " of " + plan.poolSize[a]);
            }
        }
        if (rowsWritten != expectedRows) {
            throw new IllegalStateException("wrote " + rowsWritten + " service rows, expected " + expectedRows);
        }
    }

    private void generateCell(int a, int m, Rng rng, ServiceRows rows) {
        Agreement ag = AGREEMENTS.get(a);
        Programme prog = PROGRAMMES.get(plan.homeProgramme[a]);
        Partner partner = ReferenceCatalog.partner(ag.partnerId());
        YearMonth month = Period.MONTHS.get(m);
        LocalDate first = Period.max(month.atDay(1), ag.start());
        LocalDate last = Period.min(month.atEndOfMonth(), ag.end());
        int span = (int) ChronoUnit.DAYS.between(first, last) + 1;
        List<ServiceType> types = prog.serviceTypes();
        double[] typeWeights = types.stream().mapToDouble(ServiceType::weight).toArray();
        long count = plan.cellRows[a][m];
        long r = plan.totalRows[a];
        long b = plan.poolSize[a];
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
            long person = plan.poolStart[a] + position;
            LocalDate date = first.plusDays(rng.nextInt(span));
            if (date.getDayOfWeek().getValue() >= 6 && rng.nextDouble() < 0.85) {
                date = first.plusDays(rng.nextInt(span));
            }
            int typeIndex = rng.weighted(typeWeights);
            ServiceType type = types.get(typeIndex);
            int units = type.unitTenths()[rng.nextInt(type.unitTenths().length)];
            // flex_case_ref: drawn now (the draws are part of the row's random stream), spelt out when written
            double fu = rng.nextDouble();
            byte flex;
            int extra = 0;
            switch (partner.id()) {
                case "P04" -> {
                    flex = fu < 0.10 ? ServiceRows.FLEX_VISIT : ServiceRows.FLEX_BASE;
                    if (flex == ServiceRows.FLEX_VISIT) {
                        extra = 1 + rng.nextInt(4);
                    }
                }
                case "P06" -> {
                    flex = fu < 0.05 ? ServiceRows.FLEX_WALK_IN : ServiceRows.FLEX_BASE;
                    if (flex == ServiceRows.FLEX_WALK_IN) {
                        extra = 1 + rng.nextInt(40);
                    }
                }
                case "P05" -> flex = fu < 0.25 ? ServiceRows.FLEX_EMPTY : ServiceRows.FLEX_BASE;
                default -> flex = fu < 0.15 ? ServiceRows.FLEX_EMPTY : ServiceRows.FLEX_BASE;
            }
            rows.add(date.getDayOfMonth(), a, person, typeIndex, units, flex, extra);
            validRows[a]++;
            unitTenths[a] += units;
        }
    }

    private String flexRef(Partner p, long position, byte kind, int extra) {
        return switch (kind) {
            case ServiceRows.FLEX_EMPTY -> "";
            case ServiceRows.FLEX_VISIT -> "HNA/2025/" + Decimals.pad(position + 1, 4) + ", visit " + extra;
            case ServiceRows.FLEX_WALK_IN -> "walk-in \"drop\" " + extra;
            default -> p.flexPrefix() + "-C" + Decimals.pad(position + 1, 5);
        };
    }

    private void writeFile(Partner p, YearMonth month, ServiceRows rows) throws IOException {
        String rel = "inbox/" + p.id() + "/services-" + month + ".csv";
        List<Plants.ServicePlant> plants = new ArrayList<>();
        for (Plants.ServicePlant sp : Plants.SERVICES) {
            if (sp.partnerId().equals(p.id()) && sp.month().equals(month)) {
                plants.add(sp);
            }
        }
        plants.sort(Comparator.comparingDouble(Plants.ServicePlant::fraction));
        int[] order = rows.byDay();
        int size = order.length;
        int pi = PARTNERS.indexOf(p);
        try (CsvWriter w = set.open(rel)) {
            w.row(HEADER);
            int next = 0;
            long seq = serviceSeqs[pi];
            for (int i = 0; i <= size; i++) {
                while (next < plants.size() && Math.min(size, (int) Math.floor(plants.get(next).fraction() * size)) == i) {
                    int base = order[Math.min(i, size - 1)];
                    seq++;
                    writePlanted(w, rel, p, month, plants.get(next), rows, base, seq);
                    next++;
                }
                if (i < size) {
                    seq++;
                    w.row(fields(p, month, rows, order[i], seq));
                    rowsWritten++;
                }
            }
            if (next != plants.size()) {
                throw new IllegalStateException("unplaced service plant in " + rel);
            }
            serviceSeqs[pi] = seq;
            set.done(rel, w);
        }
        files++;
        set.submission(p.id(), "services-" + month + ".csv", submittedAt(p, month));
    }

    private static String recordId(Partner p, long seq) {
        return "SRV-" + p.id() + "-" + Decimals.pad(seq, 6);
    }

    private String[] fields(Partner p, YearMonth month, ServiceRows rows, int i, long seq) {
        long person = rows.person(i);
        int a = rows.agreement(i);
        String[] attrs = plan.personAttributes(person);
        ServiceType type = PROGRAMMES.get(plan.homeProgramme[a]).serviceTypes().get(rows.type(i));
        return new String[]{recordId(p, seq), AGREEMENTS.get(a).id(), month.atDay(rows.day(i)).toString(),
                ServicePlan.beneficiaryRef(person), type.name(), Decimals.tenths(rows.unitTenths(i)), attrs[0],
                attrs[1], attrs[2], attrs[3],
                flexRef(p, person - plan.poolStart[a], rows.flexKind(i), rows.flexExtra(i))};
    }

    private void writePlanted(CsvWriter w, String rel, Partner p, YearMonth month, Plants.ServicePlant plant,
                              ServiceRows rows, int base, long seq) throws IOException {
        String[] f = fields(p, month, rows, base, seq);
        LocalDate baseDate = month.atDay(rows.day(base));
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
                OutputSet.check(!other.partnerId().equals(p.id()) && other.covers(baseDate), "wrong-partner plant " + plant);
                f[1] = plant.value();
                field = "agreement_id";
            }
            case "agreement_outside_dates" -> {
                Agreement own = AGREEMENTS.get(ReferenceCatalog.agreementIndex(plant.value()));
                OutputSet.check(own.partnerId().equals(p.id()) && !own.covers(baseDate), "outside-dates plant " + plant);
                f[1] = plant.value();
                field = "service_date";
            }
            case "too_many_fields" -> {
                f[4] = plant.value();
                f[10] = "";
                field = "(row)";
            }
            case "too_few_fields" -> {
                f = Arrays.copyOf(f, 9);
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
        set.problem(new PlantedProblem("services", rel, line, f[0], field, value, plant.problem(), true));
        plantedInvalid++;
        rowsWritten++;
    }

    /** A few days before the due date; one file of one partner is planted late. */
    private String submittedAt(Partner p, YearMonth month) {
        int due = 28;
        for (Agreement a : AGREEMENTS) {
            if (a.partnerId().equals(p.id()) && a.activeIn(month)) {
                due = Math.min(due, a.reportingDueDay());
            }
        }
        LocalDate dueDate = month.plusMonths(1).atDay(due);
        if (p.id().equals(Plants.LATE_PARTNER) && month.equals(Plants.LATE_MONTH)) {
            String at = dueDate.plusDays(Plants.LATE_DAYS) + "T10:15:00Z";
            set.problem(new PlantedProblem("submissions", "inbox/" + p.id() + "/_submissions.csv", 0,
                    "services-" + month + ".csv", "submitted_at", at,
                    "submitted " + Plants.LATE_DAYS + " days after its due date " + dueDate + " (reporting_due_day "
                            + due + ")", false));
            return at;
        }
        Rng rng = Rng.stream(seed, "submitted/" + p.id() + "/" + month);
        LocalDate day = dueDate.minusDays(1 + rng.nextInt(5));
        return day + "T" + Decimals.pad(8 + rng.nextInt(10), 2) + ":" + Decimals.pad(rng.nextInt(60), 2) + ":"
                + Decimals.pad(rng.nextInt(60), 2) + "Z";
    }
}
