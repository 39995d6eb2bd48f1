package org.glasshouse.metrics.flags;

import java.util.List;
import org.glasshouse.metrics.Thresholds;

/**
 * One integrity check, as plain data for the methodology page: id, what it looks at, when it fires, and the
 * threshold it uses (from {@link Thresholds}).
 *
 * @param id          stable rule id, the prefix of every flag_id it raises
 * @param subjectType agreement, partner or partner_dataset
 * @param title       short name
 * @param definition  when the flag is raised, in plain words
 */
public record FlagRule(String id, String subjectType, String title, String definition) {

    public static final FlagRule LATE = new FlagRule("INT-LATE", "partner", "Late monthly submission",
            "A monthly services file was submitted more than the allowed number of days after its due date (the "
                    + "earliest reporting_due_day, in the following month, of the partner's agreements active that "
                    + "month). One flag per late file.");
    public static final FlagRule MISSING = new FlagRule("INT-MISSING", "partner", "Months with no submission",
            "The partner owed more monthly services submissions than allowed that never came: months in which one "
                    + "of its agreements was active and whose due date has passed, with no services file named for "
                    + "the month and no accepted service dated in it.");
    public static final FlagRule ACCEPTANCE = new FlagRule("INT-ACCEPT", "partner_dataset", "Low acceptance rate",
            "Fewer than the minimum share of the rows a partner submitted for a dataset passed validation.");
    public static final FlagRule ERRORS = new FlagRule("INT-ERRORS", "partner_dataset", "High error rate",
            "A partner's dataset has more error findings per 1,000 rows read than allowed.");
    public static final FlagRule AFTER_END = new FlagRule("INT-AFTER-END", "agreement",
            "Expenditure after the agreement ended",
            "Expenditures are dated after the agreement end date (plus any grace days). One flag per agreement, "
                    + "with the number, total and latest date of those expenditures.");
    public static final FlagRule OVER_COMMITTED = new FlagRule("INT-OVER-COMMIT", "agreement",
            "Disbursed more than committed", "disbursed > committed × (1 + tolerance).");
    public static final FlagRule OVERSPENT = new FlagRule("INT-OVERSPEND", "agreement",
            "Spent more than disbursed", "spent > disbursed × (1 + tolerance); SPEC sets the tolerance at 10%.");
    public static final FlagRule DUPLICATE = new FlagRule("INT-DUPLICATE", "agreement",
            "Possible duplicate expenditures",
            "Two or more expenditures of one agreement share the date, amount and currency but have different "
                    + "transaction ids. One flag per such group; the flag id carries the date and amount.");
    public static final FlagRule BENFORD = new FlagRule("INT-BENFORD", "partner",
            "Expenditure amounts fail Benford's law",
            "The first digits of a partner's expenditure amounts (as submitted, in their own currency) deviate from "
                    + "Benford's law: mean absolute deviation above Nigrini's nonconformity bound, from the minimum "
                    + "number of amounts. The chi-square p-value is given as evidence only: with thousands of "
                    + "amounts it rejects almost any real data.");
    public static final FlagRule COST_OUTLIER = new FlagRule("INT-COST-OUTLIER", "agreement",
            "Cost per beneficiary outlier",
            "An agreement's cost per beneficiary lies above the programme's upper fence Q3 + k·IQR, computed over "
                    + "the programme's agreements with a cost per beneficiary (quartiles R-7, published in "
                    + "cost_quartiles) when there are at least the minimum number of them.");

    public static final List<FlagRule> ALL = List.of(LATE, MISSING, ACCEPTANCE, ERRORS, AFTER_END, OVER_COMMITTED,
            OVERSPENT, DUPLICATE, BENFORD, COST_OUTLIER);
}
