package org.glasshouse.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The planted problems of every generated set: which rows are wrong, where, and the aggregate anomalies. */
final class Plants {

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

    /** A planted invalid service row: which file hosts it, where (fraction of the file) and what is wrong. */
    record ServicePlant(String partnerId, YearMonth month, String kind, double fraction, String value, String problem) {
    }

    static final List<ServicePlant> SERVICES = List.of(
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

    static final List<TransactionPlant> TRANSACTIONS = List.of(
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

    private Plants() {
    }

    private static ServicePlant sp(String partner, String month, String kind, double fraction, String value, String problem) {
        return new ServicePlant(partner, YearMonth.parse(month), kind, fraction, value, problem);
    }
}
