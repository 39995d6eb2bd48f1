package org.glasshouse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasshouse.report.sdc.Auditor;
import org.glasshouse.report.sdc.Cell;
import org.glasshouse.report.sdc.DisclosureAudit;
import org.glasshouse.report.sdc.Interval;
import org.glasshouse.report.sdc.LinearRelation;
import org.glasshouse.report.sdc.ProtectionProblem;
import org.glasshouse.report.sdc.SecondarySuppression;
import org.glasshouse.report.sdc.SuppressionPattern;
import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Suppressed;
import org.junit.jupiter.api.Test;

/**
 * Small linked tables whose optimal suppression and audit intervals were worked out by hand (k = 10, p = 10: a
 * small count must stay possible from 1 up to 10 above its value; the attacker's ceiling is the largest count).
 */
class DisclosureControlTest {

    private static final Object C = Suppressed.INSTANCE;

    private static Column c(String name, ColumnType t) {
        return new Column(name, t, null);
    }

    private static final PublicTable AGREEMENTS = new PublicTable("agreement_metrics", "a", List.of(
            c("agreement_id", ColumnType.ID), c("programme_id", ColumnType.ID), c("partner_id", ColumnType.ID),
            c("spent", ColumnType.MONEY), c("beneficiaries", ColumnType.COUNT),
            c("cost_per_beneficiary", ColumnType.MONEY)),
            List.of("beneficiaries"), List.of("cost_per_beneficiary"), List.of("agreement_id"));
    private static final PublicTable PROGRAMMES = new PublicTable("programme_metrics", "p", List.of(
            c("programme_id", ColumnType.ID), c("beneficiaries", ColumnType.COUNT), c("overlap", ColumnType.COUNT)),
            List.of("beneficiaries", "overlap"), List.of(), List.of("programme_id"));
    private static final PublicTable PROGRAMME_TOTALS = new PublicTable("programme_metrics", "p", List.of(
            c("programme_id", ColumnType.ID), c("beneficiaries", ColumnType.COUNT),
            c("cost_per_beneficiary", ColumnType.MONEY), c("priority_share", ColumnType.RATE)),
            List.of("beneficiaries"), List.of("cost_per_beneficiary", "priority_share"), List.of("programme_id"));
    private static final PublicTable PARTNERS = new PublicTable("partner_metrics", "q", List.of(
            c("partner_id", ColumnType.ID), c("beneficiaries", ColumnType.COUNT),
            c("cost_per_beneficiary", ColumnType.MONEY)),
            List.of("beneficiaries"), List.of("cost_per_beneficiary"), List.of("partner_id"));
    private static final PublicTable OVERALL = new PublicTable("overall_metrics", "o", List.of(
            c("as_of", ColumnType.ID), c("beneficiaries", ColumnType.COUNT)),
            List.of("beneficiaries"), List.of(), List.of("as_of"));
    private static final PublicTable REACH = new PublicTable("reach_breakdown", "r", List.of(
            c("programme_id", ColumnType.ID), c("dimension", ColumnType.ID), c("value", ColumnType.ID),
            c("beneficiaries", ColumnType.COUNT), c("share", ColumnType.RATE)),
            List.of("beneficiaries"), List.of("share"), List.of("programme_id", "dimension", "value"));

    @SafeVarargs
    private static DataTable table(PublicTable spec, List<Object>... rows) {
        return new DataTable(spec.name(), spec.title(), spec.columns(), Arrays.asList(rows));
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    private static Map<String, PublicTable> specs(PublicTable... s) {
        Map<String, PublicTable> m = new LinkedHashMap<>();
        for (PublicTable t : s) m.put(t.name(), t);
        return m;
    }

    private static Map<String, DataTable> tables(DataTable... t) {
        Map<String, DataTable> m = new LinkedHashMap<>();
        for (DataTable d : t) m.put(d.name(), d);
        return m;
    }

    private static Interval interval(DisclosureAudit a, String cell) {
        return a.cells().stream().filter(x -> x.cell().equals(cell)).findFirst().orElseThrow().interval();
    }

    /**
     * A 3×3 table with row, column and grand totals, one small cell (r1,c1) = 4. Every row and column is an exact
     * sum, so the pattern must be a cycle: the cheapest rectangle through (r1,c1) is (r1,c2) 30, (r2,c1) 25 and
     * (r2,c2) 35 = 90 people (the others cost 100, 110, 120; any through a total costs more). The attacker can move
     * the rectangle by t with x = 4 + t ≥ 1 and (r2,c1) = 25 − t ≥ 1: x ∈ [1, 28].
     */
    @Test
    void aTwoWayTableWithTotalsHidesTheCheapestRectangle() {
        long[][] v = {{4, 30, 40}, {25, 35, 45}, {20, 50, 60}};
        List<Cell> cells = new ArrayList<>();
        List<LinearRelation> relations = new ArrayList<>();
        long grand = 0;
        for (int i = 0; i < 3; i++) {
            long row = 0;
            List<String> parts = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                cells.add(new Cell("r" + (i + 1) + "c" + (j + 1), v[i][j], Cell.Kind.COUNT, List.of()));
                parts.add("r" + (i + 1) + "c" + (j + 1));
                row += v[i][j];
            }
            cells.add(new Cell("r" + (i + 1) + "t", row, Cell.Kind.COUNT, List.of()));
            relations.add(LinearRelation.sum("r" + (i + 1) + "t", parts, LinearRelation.Sense.EQ, "row"));
            grand += row;
        }
        for (int j = 0; j < 3; j++) {
            long col = 0;
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                parts.add("r" + (i + 1) + "c" + (j + 1));
                col += v[i][j];
            }
            cells.add(new Cell("tc" + (j + 1), col, Cell.Kind.COUNT, List.of()));
            relations.add(LinearRelation.sum("tc" + (j + 1), parts, LinearRelation.Sense.EQ, "column"));
        }
        cells.add(new Cell("tt", grand, Cell.Kind.COUNT, List.of()));
        relations.add(LinearRelation.sum("tt", List.of("r1t", "r2t", "r3t"), LinearRelation.Sense.EQ, "rows"));
        relations.add(LinearRelation.sum("tt", List.of("tc1", "tc2", "tc3"), LinearRelation.Sense.EQ, "columns"));
        ProtectionProblem problem = ProtectionProblem.of(cells, relations, List.of(), 10, 10);

        SuppressionPattern pattern = new SecondarySuppression(problem, SecondarySuppression.Cost.PEOPLE)
                .solve().pattern();

        assertThat(pattern.primary()).containsExactly("r1c1");
        assertThat(pattern.secondary()).containsExactlyInAnyOrder("r1c2", "r2c1", "r2c2");
        Auditor.Findings audit = Auditor.audit(problem, pattern, List.of());
        assertThat(audit.primary()).singleElement().satisfies(a -> {
            assertThat(a.interval()).isEqualTo(new Interval(1, 28));
            assertThat(a.protectedEnough()).isTrue();
        });
        // With only the row partner hidden, the column total gives the cell back: the audit says so.
        Auditor.Findings weak = Auditor.audit(problem, new SuppressionPattern(pattern.primary(),
                java.util.Set.of("r1c2")), List.of());
        assertThat(weak.primary().get(0).interval()).isEqualTo(new Interval(4, 4));
        assertThat(weak.passed()).isFalse();
    }

    /**
     * A partner holding one agreement of 5 people: its total repeats the count (primary too). The programme's 95
     * people are exactly the sum of its agreements (overlap 0 is published, and zeros are never hidden), so a second
     * agreement must go: AGR-3 (40), whose partner total P3 repeats it and must go too: 80 people, cheaper than
     * AGR-1 + P1 (100) or the programme total (95). The attacker knows A2 + A3 = 45 with A3 ≥ 1: [1, 44].
     */
    @Test
    void aOneAgreementPartnerAndItsProgramme() {
        Map<String, DataTable> in = tables(
                table(AGREEMENTS, row("A1", "G", "P1", 500.0, 50L, 10.0), row("A2", "G", "P2", 100.0, 5L, 20.0),
                        row("A3", "G", "P3", 400.0, 40L, 10.0)),
                table(PROGRAMMES, row("G", 95L, 0L)),
                table(PARTNERS, row("P1", 50L, 10.0), row("P2", 5L, 20.0), row("P3", 40L, 10.0)));

        DisclosureControl.Outcome out = new DisclosureControl(10).protect(specs(AGREEMENTS, PROGRAMMES, PARTNERS), in,
                ReleaseRelations.all());

        assertThat(out.tables().get("agreement_metrics").rows()).containsExactly(
                row("A1", "G", "P1", 500.0, 50L, 10.0), row("A2", "G", "P2", 100.0, C, C),
                row("A3", "G", "P3", 400.0, C, C));
        assertThat(out.tables().get("partner_metrics").rows()).containsExactly(
                row("P1", 50L, 10.0), row("P2", C, C), row("P3", C, C));
        assertThat(out.tables().get("programme_metrics").rows()).containsExactly(row("G", 95L, 0L));
        assertThat(out.pattern().primary()).containsExactlyInAnyOrder("agreement_metrics[A2].beneficiaries",
                "partner_metrics[P2].beneficiaries");
        assertThat(interval(out.audit(), "agreement_metrics[A2].beneficiaries")).isEqualTo(new Interval(1, 44));
        assertThat(interval(out.audit(), "partner_metrics[P2].beneficiaries")).isEqualTo(new Interval(1, 44));
        assertThat(out.audit().peopleHidden()).isEqualTo(80);
        // Even "80 to 89 people hidden" would leak: A3 = P3 (P3's one agreement), so A3 ∈ [40, 44] and A2 ∈ [1, 5].
        // The audit sees that and the release withholds the figure.
        assertThat(out.audit().peopleHiddenShown()).isNull();
        assertThat(out.audit().publicSummary()).containsEntry("people_in_secondary_cells", "withheld");
        assertThat(out.audit().passed()).isTrue();
    }

    /**
     * A programme of 6 people next to the overall total, which is by definition the sum of the programmes: the
     * cheapest second cell is the smaller other programme (300, not 500 nor the total 806). G1 + G3 = 306 with
     * G3 ≥ 1: [1, 305]. Each hidden programme's cost per beneficiary goes with it.
     */
    @Test
    void aSmallProgrammeNextToTheOverallTotal() {
        Map<String, DataTable> in = tables(
                table(PROGRAMME_TOTALS, row("G1", 6L, 50.0, 0.5), row("G2", 500L, 2.0, 0.3),
                        row("G3", 300L, 3.0, 0.2)),
                table(OVERALL, row("2026-09-30", 806L)));

        DisclosureControl.Outcome out = new DisclosureControl(10).protect(specs(PROGRAMME_TOTALS, OVERALL), in,
                ReleaseRelations.all());

        assertThat(out.tables().get("programme_metrics").rows()).containsExactly(
                row("G1", C, C, C), row("G2", 500L, 2.0, 0.3), row("G3", C, C, C));
        assertThat(out.tables().get("overall_metrics").rows()).containsExactly(row("2026-09-30", 806L));
        assertThat(interval(out.audit(), "programme_metrics[G1].beneficiaries")).isEqualTo(new Interval(1, 305));
    }

    /**
     * A programme of 96 people with small groups: sex "other" 3 (60 female, 33 male) and priority group 4 (92 not);
     * programme_metrics.priority_share = 4/96 would give the 4 back. The groups of a dimension cover the programme
     * (a person with two values counts in both), so other ≥ 96 − 93 = 3 pins the cell from below. Hiding male and
     * not-priority costs 33 + 92 = 125; hiding the programme total alone (96) frees both (other ≥ total − 93, total
     * ≥ 60), so that is optimal. Every share, computed from the total, goes with it. Both intervals are [1, 96]
     * (96 = the largest count, the attacker's ceiling).
     */
    @Test
    void aShareOfASmallGroup() {
        Map<String, DataTable> in = tables(
                table(PROGRAMME_TOTALS, row("G", 96L, 10.0, 4.0 / 96)),
                table(REACH, row("G", "priority_group", "false", 92L, 92.0 / 96),
                        row("G", "priority_group", "true", 4L, 4.0 / 96),
                        row("G", "sex", "female", 60L, 60.0 / 96), row("G", "sex", "male", 33L, 33.0 / 96),
                        row("G", "sex", "other", 3L, 3.0 / 96)));

        DisclosureControl.Outcome out = new DisclosureControl(10).protect(specs(PROGRAMME_TOTALS, REACH), in,
                ReleaseRelations.all());

        assertThat(out.pattern().secondary()).containsExactly("programme_metrics[G].beneficiaries");
        assertThat(out.tables().get("programme_metrics").rows()).containsExactly(row("G", C, C, C));
        assertThat(out.tables().get("reach_breakdown").rows()).containsExactly(
                row("G", "priority_group", "false", 92L, C), row("G", "priority_group", "true", C, C),
                row("G", "sex", "female", 60L, C), row("G", "sex", "male", 33L, C), row("G", "sex", "other", C, C));
        assertThat(interval(out.audit(), "reach_breakdown[G,sex,other].beneficiaries")).isEqualTo(new Interval(1, 96));
        assertThat(interval(out.audit(), "reach_breakdown[G,priority_group,true].beneficiaries"))
                .isEqualTo(new Interval(1, 96));
    }

    private static final PublicTable RESULTS = new PublicTable("indicator_results", "i", List.of(
            c("agreement_id", ColumnType.ID), c("indicator_id", ColumnType.ID), c("period", ColumnType.ID),
            c("target", ColumnType.NUMBER), c("actual", ColumnType.NUMBER), c("attainment", ColumnType.RATE),
            c("status", ColumnType.ID), c("projected_at_end", ColumnType.NUMBER)),
            List.of(), List.of(), List.of("agreement_id", "indicator_id", "period"));

    /**
     * "Residents completing a course": 5 in the latest period of A2 is a small count of people; its attainment
     * (5 / 9) and status give it back, and so does the projection over A2's periods. No relation links it, so it
     * needs no second cell: [1, 40] (40, the largest value, is the attacker's ceiling).
     */
    @Test
    void aSmallReportedIndicatorValueAndTheFiguresComputedFromIt() {
        Map<String, DataTable> in = tables(table(RESULTS,
                row("A1", "I", "2026-08", 60.0, 40.0, 0.6667, "on_track", 61.0),
                row("A2", "I", "2026-07", 9.0, 12.0, 1.3333, "on_track", 4.0),
                row("A2", "I", "2026-08", 9.0, 5.0, 0.5556, "off_track", 4.0),
                row("A3", "I", "2026-08", 9.0, 7.5, 0.8333, "at_risk", 8.0)));

        DisclosureControl.Outcome out = new DisclosureControl(10).protect(specs(RESULTS), in, ReleaseRelations.all());

        assertThat(out.tables().get("indicator_results").rows()).containsExactly(
                row("A1", "I", "2026-08", 60.0, 40.0, 0.6667, "on_track", 61.0),
                row("A2", "I", "2026-07", 9.0, 12.0, 1.3333, "on_track", C),
                row("A2", "I", "2026-08", 9.0, C, C, C, C),
                row("A3", "I", "2026-08", 9.0, 7.5, 0.8333, "at_risk", 8.0));
        assertThat(out.pattern().secondary()).isEmpty();
        assertThat(interval(out.audit(), "indicator_results[A2,I,2026-08].actual")).isEqualTo(new Interval(1, 40));
    }

    @Test
    void primarySuppressionAloneHidesOneToKMinusOneAndTheRowsDerivedFigures() {
        DataTable t = table(AGREEMENTS,
                row("A1", "P", "Q", 100.0, 0L, 0.0), row("A2", "P", "Q", 100.0, 1L, 100.0),
                row("A3", "P", "Q", 100.0, 9L, 11.11), row("A4", "P", "Q", 100.0, 10L, 10.0));
        assertThat(new DisclosureControl(10).apply(AGREEMENTS, t).rows()).containsExactly(
                row("A1", "P", "Q", 100.0, 0L, 0.0), row("A2", "P", "Q", 100.0, C, C),
                row("A3", "P", "Q", 100.0, C, C), row("A4", "P", "Q", 100.0, 10L, 10.0));
    }

    @Test
    void aRelationTheCountsBreakIsAModellingErrorAndStopsTheRelease() {
        // overall 900 is not the sum of the programmes (806): the model would be wrong, so nothing is published
        Map<String, DataTable> in = tables(
                table(PROGRAMME_TOTALS, row("G1", 6L, 50.0, 0.5), row("G2", 500L, 2.0, 0.3),
                        row("G3", 300L, 3.0, 0.2)),
                table(OVERALL, row("2026-09-30", 900L)));
        assertThatThrownBy(() -> new DisclosureControl(10).protect(specs(PROGRAMME_TOTALS, OVERALL), in,
                ReleaseRelations.all())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("overall people = Σ programmes' people");
    }

    /**
     * An agreement of 5 people (AGR-03) with a duplicate-payment flag and a cost-outlier flag, and a partner's
     * late, missing, acceptance, error and Benford flags. Only the cost-outlier flag is computed from people (its
     * evidence quotes the agreement's cost per beneficiary and the programme's quartiles; its people column repeats
     * the 5): its evidence and people are hidden. Every other flag's evidence — transaction ids, dates, amounts,
     * days late, months, rows, digits — says nothing about people and is published, as is every threshold.
     */
    @Test
    void aFlagsEvidenceIsHiddenOnlyWhenTheFlagIsComputedFromPeople() {
        List<String> flagColumns = List.of("flag_id", "rule_id", "subject_type", "subject_id", "evidence", "threshold",
                "people");
        ReleaseFixture f = new ReleaseFixture()
                .table(PublicTables.AGREEMENT_METRICS, List.of("agreement_id", "programme_id", "partner_id", "spent",
                        "beneficiaries", "cost_per_beneficiary"), row("AGR-01", "G", "P1", 900.0, 90L, 10.0),
                        row("AGR-03", "G", "P3", 500.0, 5L, 100.0))
                .table(PublicTables.INTEGRITY_FLAGS, flagColumns,
                        row("INT-BENFORD:P1", "INT-BENFORD", "partner", "P1", "120 expenditures: MAD 0.0200", "MAD > 0.015", null),
                        row("INT-COST-OUTLIER:AGR-03", "INT-COST-OUTLIER", "agreement", "AGR-03",
                                "cost per beneficiary 100.00 above the upper fence 40.00", "above Q3 + 1.5 x IQR", 5L),
                        row("INT-DUPLICATE:AGR-03:2026-05-05:75.00", "INT-DUPLICATE", "agreement", "AGR-03",
                                "2 expenditures of 75.00 EUR on 2026-05-05: T3B-1, T3B-2", "same date and amount", null),
                        row("INT-ACCEPT:P3/services", "INT-ACCEPT", "partner_dataset", "P3/services",
                                "6 of 12 rows accepted (acceptance rate 0.5000)", "below 0.9", null),
                        row("INT-LATE:P3:2026-05", "INT-LATE", "partner", "P3", "17 days after its due date", "> 0 days",
                                null));

        DisclosureControl.Outcome out = new DisclosureControl(10).protect(f.specs, f.tables, ReleaseRelations.all());

        DataTable flags = out.tables().get("integrity_flags");
        java.util.function.BiFunction<String, String, Object> at = (id, column) ->
                ReleaseFixture.cell(flags, "flag_id", id, column);
        assertThat(at.apply("INT-COST-OUTLIER:AGR-03", "evidence")).isEqualTo(C);
        assertThat(at.apply("INT-COST-OUTLIER:AGR-03", "people")).isEqualTo(C);
        assertThat(at.apply("INT-COST-OUTLIER:AGR-03", "threshold")).isEqualTo("above Q3 + 1.5 x IQR");
        assertThat(at.apply("INT-DUPLICATE:AGR-03:2026-05-05:75.00", "evidence"))
                .isEqualTo("2 expenditures of 75.00 EUR on 2026-05-05: T3B-1, T3B-2");
        assertThat(at.apply("INT-DUPLICATE:AGR-03:2026-05-05:75.00", "threshold")).isEqualTo("same date and amount");
        assertThat(at.apply("INT-BENFORD:P1", "evidence")).isEqualTo("120 expenditures: MAD 0.0200");
        assertThat(at.apply("INT-ACCEPT:P3/services", "evidence"))
                .isEqualTo("6 of 12 rows accepted (acceptance rate 0.5000)");
        assertThat(at.apply("INT-LATE:P3:2026-05", "evidence")).isEqualTo("17 days after its due date");
        DataTable agreements = out.tables().get("agreement_metrics");
        assertThat(ReleaseFixture.cell(agreements, "agreement_id", "AGR-03", "beneficiaries")).isEqualTo(C);
        assertThat(ReleaseFixture.cell(agreements, "agreement_id", "AGR-03", "cost_per_beneficiary")).isEqualTo(C);
        assertThat(ReleaseFixture.cell(agreements, "agreement_id", "AGR-01", "beneficiaries")).isEqualTo(90L);
    }

    /**
     * Costs per beneficiary 10, 20 and 30 (100 people each) and A4: 5 people, 800 spent, flagged as a cost outlier.
     * With A4's cost c on top, R-7 gives Q1 = 17.5 and Q3 = 22.5 + c/4, so the fence Q3 + 1.5·IQR = 30 + 0.625c and
     * the flag fires iff c > 80, i.e. 800 ÷ people > 80: people ≤ 9. The flag is published, so the attacker knows
     * A4 served at most 9 people whatever is hidden; no suppression of counts can undo that, so the protection
     * asked above is cut to 9 (and reported as reduced in the private audit and the log). The other agreements'
     * flags (absent) bound nothing within p of their counts.
     */
    @Test
    void aCostOutlierFlagBoundsItsAgreementsCountWhateverIsHidden() {
        ReleaseFixture f = new ReleaseFixture()
                .table(PublicTables.AGREEMENT_METRICS, List.of("agreement_id", "programme_id", "partner_id", "spent",
                        "beneficiaries", "cost_per_beneficiary"), row("A1", "G", "P1", 1000.0, 100L, 10.0),
                        row("A2", "G", "P2", 2000.0, 100L, 20.0), row("A3", "G", "P3", 3000.0, 100L, 30.0),
                        row("A4", "G", "P4", 800.0, 5L, 160.0))
                .table(PublicTables.COST_QUARTILES, List.of("programme_id", "n", "q1", "q3", "upper_fence", "k",
                        "smallest_beneficiaries"), row("G", 4L, 17.5, 62.5, 130.0, 1.5, 5L))
                .table(PublicTables.INTEGRITY_FLAGS, List.of("flag_id", "rule_id", "subject_type", "subject_id",
                        "evidence", "people"), row("INT-COST-OUTLIER:A4", "INT-COST-OUTLIER", "agreement", "A4",
                        "cost per beneficiary 160.00 above the upper fence 130.00", 5L));

        DisclosureControl.Outcome out = new DisclosureControl(10).protect(f.specs, f.tables, ReleaseRelations.all());

        assertThat(out.problem().relations()).filteredOn(r -> r.reason().contains("cost-outlier"))
                .singleElement().hasToString("agreement_metrics[A4].beneficiaries <= 9.0 (a cost-outlier flag bounds "
                        + "its agreement's people)");
        assertThat(out.audit().passed()).isTrue();
        assertThat(out.audit().cells()).singleElement().satisfies(a -> {
            assertThat(a.interval()).isEqualTo(new Interval(1, 9));
            assertThat(a.reduced()).isTrue();
        });
        assertThat(ReleaseFixture.cell(out.tables().get("cost_quartiles"), "programme_id", "G", "upper_fence"))
                .isEqualTo(C);
    }
}
