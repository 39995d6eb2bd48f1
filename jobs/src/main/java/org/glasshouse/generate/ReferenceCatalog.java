package org.glasshouse.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The fixed agency reference data the generator builds on (identical for every N and seed). */
final class ReferenceCatalog {
    private ReferenceCatalog() {
    }

    record Region(String code, String name, String priorityTargetShare) {
    }

    record Partner(String id, String name, String type, String regionCode, String registeredId, String flexPrefix,
                   boolean jsonTransactions) {
        String transactionsFile() {
            return jsonTransactions ? "transactions.jsonl" : "transactions.csv";
        }
    }

    record Programme(String id, String name, String agency, String sector, LocalDate start, LocalDate end,
                     long budgetCents, String currency, List<ServiceType> serviceTypes, double[] ageWeights) {
    }

    /** A service type with the units a row typically carries, in tenths (hours or sessions). */
    record ServiceType(String name, double weight, int[] unitTenths) {
    }

    record Agreement(String id, String programmeId, String partnerId, LocalDate start, LocalDate end,
                     long committedCents, String currency, String paymentModel, int reportingDueDay,
                     double serviceWeight, double visitsPerPerson, double absorption) {
        boolean activeIn(YearMonth month) {
            return !start.isAfter(month.atEndOfMonth()) && !end.isBefore(month.atDay(1));
        }

        boolean covers(LocalDate date) {
            return !date.isBefore(start) && !date.isAfter(end);
        }
    }

    record Indicator(String id, String programmeId, String name, String unit, String direction, double baseline,
                     double targetPerMillion, double fixedTarget) {
        /** Target for an agreement: count-like indicators scale with the committed amount. */
        double targetFor(Agreement a) {
            return fixedTarget >= 0 ? fixedTarget : Math.max(5, Math.round(a.committedCents() / 100.0 / 1_000_000.0 * targetPerMillion));
        }
    }

    /** age bands in contract order; the last one is "unknown". */
    static final String[] AGE_BANDS = {"0-17", "18-24", "25-44", "45-64", "65+", "unknown"};
    static final String[] SEXES = {"female", "male", "other", "unknown"};
    static final double[] SEX_WEIGHTS = {0.52, 0.45, 0.01, 0.02};

    static final List<Region> REGIONS = List.of(
            new Region("R01", "Northern Uplands", "0.30"),
            new Region("R02", "Southern Coast", "0.25"),
            new Region("R03", "Eastern Valleys", "0.35"),
            new Region("R04", "Western Plains", "0.30"),
            new Region("R05", "Central City", "0.40"),
            new Region("R06", "Island Districts", "0.45"));

    static final List<Partner> PARTNERS = List.of(
            new Partner("P01", "Northfield Community Trust", "nonprofit", "R01", "CH-1048213", "NCT", true),
            new Partner("P02", "Riverside Skills Ltd", "business", "R05", "CO-08812345", "RSL", false),
            new Partner("P03", "Eastbrook University", "academic", "R03", "", "EBU", true),
            new Partner("P04", "Harbourside Neighbourhood Association", "community", "R06", "", "HNA", false),
            new Partner("P05", "Westmoor District Council", "government", "R04", "GOV-0412", "WDC", true),
            new Partner("P06", "Maple Leaf Learning Foundation", "nonprofit", "R02", "CA-889912-RR0001", "MLF", false),
            new Partner("P07", "Clearwater Health Cooperative", "community", "R02", "CP-22871", "CHC", true),
            new Partner("P08", "Brightpath Digital Ltd", "business", "R05", "CO-11290457", "BPD", false));

    static final List<Programme> PROGRAMMES = List.of(
            new Programme("PRG-YEP", "Youth Employment Pathways", "Department for Work and Skills", "employment",
                    LocalDate.of(2025, 4, 1), LocalDate.of(2027, 6, 30), 400_000_000L, "USD",
                    List.of(new ServiceType("job_coaching", 0.40, new int[]{10, 15, 20}),
                            new ServiceType("skills_training", 0.30, new int[]{15, 20, 30}),
                            new ServiceType("work_placement", 0.15, new int[]{10, 20, 30, 40, 50}),
                            new ServiceType("cv_workshop", 0.15, new int[]{10})),
                    new double[]{0.12, 0.63, 0.22, 0.0, 0.0, 0.03}),
            new Programme("PRG-CHA", "Community Health Access", "Ministry of Health", "health",
                    LocalDate.of(2025, 4, 1), LocalDate.of(2027, 3, 31), 360_000_000L, "USD",
                    List.of(new ServiceType("health_check", 0.35, new int[]{10}),
                            new ServiceType("counselling", 0.25, new int[]{10, 10, 15}),
                            new ServiceType("home_visit", 0.25, new int[]{10, 10, 20}),
                            new ServiceType("clinic_referral", 0.15, new int[]{10})),
                    new double[]{0.08, 0.10, 0.27, 0.28, 0.25, 0.02}),
            new Programme("PRG-DIG", "Digital Inclusion Initiative", "Office of Digital Government", "digital_inclusion",
                    LocalDate.of(2025, 6, 1), LocalDate.of(2027, 9, 30), 200_000_000L, "USD",
                    List.of(new ServiceType("digital_skills_class", 0.40, new int[]{15, 20}),
                            new ServiceType("device_loan", 0.20, new int[]{10}),
                            new ServiceType("connectivity_support", 0.20, new int[]{10}),
                            new ServiceType("online_services_help", 0.20, new int[]{5, 10, 10})),
                    new double[]{0.0, 0.06, 0.18, 0.32, 0.41, 0.03}));

    static final String PILOT_AGREEMENT = "AGR-012";

    static final List<Agreement> AGREEMENTS = List.of(
            agreement("AGR-001", "PRG-YEP", "P01", "2025-04-01", "2027-03-31", 120_000_000L, "USD", "grant", 10, 1.00, 5.0, 0.86),
            agreement("AGR-002", "PRG-YEP", "P02", "2025-04-01", "2026-12-31", 95_000_000L, "USD", "contract", 10, 0.80, 7.5, 0.91),
            agreement("AGR-003", "PRG-YEP", "P03", "2025-04-01", "2027-06-30", 78_000_000L, "USD", "grant", 15, 0.70, 4.5, 0.78),
            agreement("AGR-004", "PRG-YEP", "P05", "2025-04-01", "2026-12-31", 64_000_000L, "USD", "grant", 20, 0.75, 5.0, 0.83),
            agreement("AGR-005", "PRG-CHA", "P01", "2025-04-01", "2026-12-31", 85_000_000L, "USD", "grant", 10, 0.90, 4.0, 0.88),
            agreement("AGR-006", "PRG-CHA", "P04", "2025-04-01", "2026-09-30", 52_000_000L, "USD", "grant", 14, 0.60, 4.0, 1.32),
            agreement("AGR-007", "PRG-CHA", "P06", "2025-04-01", "2027-03-31", 110_000_000L, "CAD", "outcomes_based", 18, 0.90, 5.5, 0.80),
            agreement("AGR-008", "PRG-CHA", "P07", "2025-04-01", "2026-06-30", 60_000_000L, "USD", "grant", 15, 0.70, 4.5, 0.85),
            agreement("AGR-009", "PRG-DIG", "P02", "2025-07-01", "2027-06-30", 70_000_000L, "USD", "contract", 10, 0.80, 3.5, 0.82),
            agreement("AGR-010", "PRG-DIG", "P08", "2025-10-01", "2027-09-30", 56_000_000L, "USD", "grant", 12, 0.90, 3.0, 0.76),
            agreement("AGR-011", "PRG-DIG", "P04", "2025-10-01", "2026-12-31", 38_000_000L, "USD", "grant", 14, 0.60, 3.5, 0.87),
            agreement(PILOT_AGREEMENT, "PRG-DIG", "P03", "2025-06-01", "2026-03-31", 4_500_000L, "USD", "grant", 15, 0.00, 7.0, 0.88));

    static final List<Indicator> INDICATORS = List.of(
            new Indicator("IND-YEP-01", "PRG-YEP", "Participants entering sustained employment", "count", "increase", 0, 100, -1),
            new Indicator("IND-YEP-02", "PRG-YEP", "Share of participants completing accredited training", "percent", "increase", 35.0, 0, 70.0),
            new Indicator("IND-YEP-03", "PRG-YEP", "Median weeks from enrolment to first job offer", "count", "decrease", 26, 0, 16),
            new Indicator("IND-CHA-01", "PRG-CHA", "Wellbeing score (WEMWBS, 14-70)", "score", "increase", 41.0, 0, 47.0),
            new Indicator("IND-CHA-02", "PRG-CHA", "Share of booked appointments missed", "percent", "decrease", 22.0, 0, 12.0),
            new Indicator("IND-DIG-01", "PRG-DIG", "Residents completing a basic digital skills course", "count", "increase", 0, 200, -1),
            new Indicator("IND-DIG-02", "PRG-DIG", "Average annual household saving from online services", "currency", "increase", 0.0, 0, 150.0));

    /** The one outcome indicator measured at participant level (programme PRG-CHA). */
    static final String OUTCOME_INDICATOR = "IND-CHA-01";
    static final String OUTCOME_PROGRAMME = "PRG-CHA";
    /** The one quarterly results series. */
    static final String QUARTERLY_AGREEMENT = "AGR-009";
    static final String QUARTERLY_INDICATOR = "IND-DIG-02";

    private static Agreement agreement(String id, String programme, String partner, String start, String end,
                                       long committedCents, String currency, String model, int dueDay,
                                       double serviceWeight, double visitsPerPerson, double absorption) {
        return new Agreement(id, programme, partner, LocalDate.parse(start), LocalDate.parse(end), committedCents,
                currency, model, dueDay, serviceWeight, visitsPerPerson, absorption);
    }

    static Partner partner(String id) {
        return PARTNERS.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    static Programme programme(String id) {
        return PROGRAMMES.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    static int agreementIndex(String id) {
        for (int i = 0; i < AGREEMENTS.size(); i++) {
            if (AGREEMENTS.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
