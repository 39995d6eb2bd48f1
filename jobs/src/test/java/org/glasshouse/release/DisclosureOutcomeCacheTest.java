package org.glasshouse.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasshouse.report.DisclosureControl;
import org.glasshouse.report.PublicTable;
import org.glasshouse.report.ReleaseRelations;
import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Suppressed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cached outcome of disclosure control is the solved one: the same cells hidden (worked out by hand in
 * DisclosureControlTest.aOneAgreementPartnerAndItsProgramme) and the same audit; any change of a cell, k or the
 * code solves again.
 */
class DisclosureOutcomeCacheTest {

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
    private static final PublicTable PARTNERS = new PublicTable("partner_metrics", "q", List.of(
            c("partner_id", ColumnType.ID), c("beneficiaries", ColumnType.COUNT),
            c("cost_per_beneficiary", ColumnType.MONEY)),
            List.of("beneficiaries"), List.of("cost_per_beneficiary"), List.of("partner_id"));

    @TempDir
    Path tmp;

    @Test
    void aSecondProtectionOfTheSameTablesComesFromTheCacheWithTheSameCellsAndAudit() throws Exception {
        Map<String, PublicTable> specs = new LinkedHashMap<>();
        for (PublicTable t : List.of(AGREEMENTS, PROGRAMMES, PARTNERS)) specs.put(t.name(), t);
        DisclosureOutcomeCache cache = new DisclosureOutcomeCache(tmp, "code-1");
        DisclosureControl sdc = new DisclosureControl(10);

        var solved = cache.protect(sdc, specs, tables(5L), ReleaseRelations.all(), "settings");
        var cached = cache.protect(sdc, specs, tables(5L), ReleaseRelations.all(), "settings");

        assertThat(solved.reused()).isFalse();
        assertThat(cached.reused()).isTrue();
        assertThat(cache.reused()).isEqualTo(1);
        assertThat(cached.tables().get("agreement_metrics").rows()).containsExactly(
                row("A1", "G", "P1", 500.0, 50L, 10.0), row("A2", "G", "P2", 100.0, C, C),
                row("A3", "G", "P3", 400.0, C, C));
        for (String t : specs.keySet()) {
            assertThat(cached.tables().get(t).rows()).as(t).isEqualTo(solved.tables().get(t).rows());
        }
        assertThat(cached.audit()).isEqualTo(solved.audit());
        assertThat(cached.audit().passed()).isTrue();
        try (var files = Files.list(tmp)) {
            assertThat(files.filter(f -> f.toString().endsWith(".json")).count()).isEqualTo(1);
        }

        // A different count, k, code or setting is a different problem: solved again, never taken from the cache.
        assertThat(cache.protect(sdc, specs, tables(6L), ReleaseRelations.all(), "settings").reused()).isFalse();
        assertThat(cache.protect(new DisclosureControl(5), specs, tables(5L), ReleaseRelations.all(), "settings")
                .reused()).isFalse();
        assertThat(new DisclosureOutcomeCache(tmp, "code-2")
                .protect(sdc, specs, tables(5L), ReleaseRelations.all(), "settings").reused()).isFalse();
        assertThat(cache.protect(sdc, specs, tables(5L), ReleaseRelations.all(), "other").reused()).isFalse();
    }

    /** DisclosureControlTest's three agreements; A2 serves {@code small} people. */
    private static Map<String, DataTable> tables(long small) {
        Map<String, DataTable> m = new LinkedHashMap<>();
        m.put(AGREEMENTS.name(), table(AGREEMENTS, row("A1", "G", "P1", 500.0, 50L, 10.0),
                row("A2", "G", "P2", 100.0, small, 100.0 / small), row("A3", "G", "P3", 400.0, 40L, 10.0)));
        m.put(PROGRAMMES.name(), table(PROGRAMMES, row("G", 90L + small, 0L)));
        m.put(PARTNERS.name(), table(PARTNERS, row("P1", 50L, 10.0), row("P2", small, 100.0 / small),
                row("P3", 40L, 10.0)));
        return m;
    }

    @SafeVarargs
    private static DataTable table(PublicTable spec, List<Object>... rows) {
        return new DataTable(spec.name(), spec.title(), spec.columns(), Arrays.asList(rows));
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }
}
