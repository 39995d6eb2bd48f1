package org.glasshouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Suppressed;
import org.junit.jupiter.api.Test;

class DisclosureControlTest {

    private static final Object C = Suppressed.INSTANCE;

    private static final PublicTable AGREEMENTS = new PublicTable("agreement_metrics", "a", List.of(
            new Column("agreement_id", ColumnType.ID, null), new Column("programme_id", ColumnType.ID, null),
            new Column("partner_id", ColumnType.ID, null), new Column("spent", ColumnType.MONEY, null),
            new Column("beneficiaries", ColumnType.COUNT, null),
            new Column("cost_per_beneficiary", ColumnType.MONEY, null)),
            List.of("beneficiaries"), List.of("cost_per_beneficiary"), List.of("agreement_id"));
    private static final PublicTable PROGRAMMES = new PublicTable("programme_metrics", "p", List.of(
            new Column("programme_id", ColumnType.ID, null), new Column("beneficiaries", ColumnType.COUNT, null),
            new Column("overlap", ColumnType.COUNT, null)),
            List.of("beneficiaries", "overlap"), List.of(), List.of("programme_id"));
    private static final PublicTable PARTNERS = new PublicTable("partner_metrics", "q", List.of(
            new Column("partner_id", ColumnType.ID, null), new Column("beneficiaries", ColumnType.COUNT, null),
            new Column("cost_per_beneficiary", ColumnType.MONEY, null)),
            List.of("beneficiaries"), List.of("cost_per_beneficiary"), List.of("partner_id"));

    private static DataTable table(PublicTable spec, List<?>... rows) {
        return new DataTable(spec.name(), spec.title(), spec.columns(),
                Arrays.stream(rows).map(r -> (List<Object>) List.copyOf((List<Object>) r)).toList());
    }

    @Test
    void primarySuppressesOneToKMinusOneAndTheRowsDerivedFigures() {
        DataTable t = table(AGREEMENTS,
                List.of("A1", "P", "Q", 100.0, 0L, 0.0),
                List.of("A2", "P", "Q", 100.0, 1L, 100.0),
                List.of("A3", "P", "Q", 100.0, 9L, 11.11),
                List.of("A4", "P", "Q", 100.0, 10L, 10.0));
        DataTable out = new DisclosureControl(10).apply(AGREEMENTS, t);
        assertThat(out.rows()).containsExactly(
                List.of("A1", "P", "Q", 100.0, 0L, 0.0),
                List.of("A2", "P", "Q", 100.0, C, C),
                List.of("A3", "P", "Q", 100.0, C, C),
                List.of("A4", "P", "Q", 100.0, 10L, 10.0));
    }

    /**
     * The sample data's case: AGR-012 serves 7 people in PRG-DIG. Programme total 1242 − 495 − 479 − 283 would give
     * the 7 back, so the smallest other agreement of the programme (283) is hidden too; its partner P04 then has a
     * published total (partner_metrics) from which 283 could be recovered as P04's total − AGR-006, so AGR-006 goes
     * as well, which in turn needs a second cell in PRG-CHA (the smallest, AGR-008).
     */
    @Test
    void complementarySuppressionLeavesNoCellRecoverableFromAnyTotal() {
        Map<String, DataTable> tables = new LinkedHashMap<>();
        tables.put("agreement_metrics", table(AGREEMENTS,
                List.of("AGR-006", "PRG-CHA", "P04", 600.0, 383L, 1.5),
                List.of("AGR-007", "PRG-CHA", "P06", 600.0, 417L, 1.4),
                List.of("AGR-008", "PRG-CHA", "P07", 600.0, 328L, 1.8),
                List.of("AGR-009", "PRG-DIG", "P02", 300.0, 479L, 0.6),
                List.of("AGR-010", "PRG-DIG", "P08", 200.0, 495L, 0.4),
                List.of("AGR-011", "PRG-DIG", "P04", 260.0, 283L, 0.9),
                List.of("AGR-012", "PRG-DIG", "P03", 38.0, 7L, 5.4)));
        tables.put("programme_metrics", table(PROGRAMMES,
                List.of("PRG-CHA", 1128L, 12L), List.of("PRG-DIG", 1264L, 3L)));
        tables.put("partner_metrics", table(PARTNERS,
                List.of("P02", 479L, 0.6), List.of("P03", 7L, 5.4), List.of("P04", 666L, 1.3),
                List.of("P06", 417L, 1.4), List.of("P07", 328L, 1.8), List.of("P08", 495L, 0.4)));

        Map<String, DataTable> out = new DisclosureControl(10).apply(
                Map.of(AGREEMENTS.name(), AGREEMENTS, PROGRAMMES.name(), PROGRAMMES, PARTNERS.name(), PARTNERS),
                tables, ReleaseRelations.all());

        assertThat(out.get("agreement_metrics").rows()).containsExactly(
                List.of("AGR-006", "PRG-CHA", "P04", 600.0, C, C),
                List.of("AGR-007", "PRG-CHA", "P06", 600.0, 417L, 1.4),
                List.of("AGR-008", "PRG-CHA", "P07", 600.0, C, C),
                List.of("AGR-009", "PRG-DIG", "P02", 300.0, 479L, 0.6),
                List.of("AGR-010", "PRG-DIG", "P08", 200.0, 495L, 0.4),
                List.of("AGR-011", "PRG-DIG", "P04", 260.0, C, C),
                List.of("AGR-012", "PRG-DIG", "P03", 38.0, C, C));
        // P03 has one agreement, so its total equals the hidden cell and is small itself; P07's total equals
        // AGR-008's, so it is hidden to keep AGR-008 hidden.
        assertThat(out.get("partner_metrics").rows()).containsExactly(
                List.of("P02", 479L, 0.6), List.of("P03", C, C), List.of("P04", 666L, 1.3),
                List.of("P06", 417L, 1.4), List.of("P07", C, C), List.of("P08", 495L, 0.4));
        assertThat(out.get("programme_metrics").rows()).containsExactly(
                List.of("PRG-CHA", 1128L, 12L), List.of("PRG-DIG", 1264L, C));
    }

    @Test
    void aTableWithOneSmallCellAndATotalHidesASecondCell() {
        Map<String, DataTable> tables = new LinkedHashMap<>();
        tables.put("agreement_metrics", table(AGREEMENTS,
                List.of("A1", "P", "Q1", 1.0, 50L, 0.02),
                List.of("A2", "P", "Q2", 1.0, 3L, 0.33),
                List.of("A3", "P", "Q3", 1.0, 40L, 0.025)));
        tables.put("programme_metrics", table(PROGRAMMES, List.of("P", 93L, 0L)));

        Map<String, DataTable> out = new DisclosureControl(10).apply(
                Map.of(AGREEMENTS.name(), AGREEMENTS, PROGRAMMES.name(), PROGRAMMES), tables,
                ReleaseRelations.all());

        assertThat(out.get("agreement_metrics").rows()).containsExactly(
                List.of("A1", "P", "Q1", 1.0, 50L, 0.02),
                List.of("A2", "P", "Q2", 1.0, C, C),
                List.of("A3", "P", "Q3", 1.0, C, C));
        assertThat(out.get("programme_metrics").rows()).containsExactly(List.of("P", 93L, 0L));
    }
}
