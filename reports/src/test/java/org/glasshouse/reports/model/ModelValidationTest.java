package org.glasshouse.reports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ModelValidationTest {
    @Test
    void pageFileNamesMustBePlainAndSafe() {
        for (String bad : List.of("../index.html", "..\\x.html", "a/b.html", "/etc/passwd.html", "..html",
                ".hidden.html", "programme-<x>.html", "index.htm", "", "a\nb.html")) {
            assertThatThrownBy(() -> new Page(bad, "t", List.of()))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new Page("programme-PRG-01.html", "t", List.of()).fileName()).isEqualTo("programme-PRG-01.html");
    }

    @Test
    void chartIdsAreSafeFileStems() {
        for (String bad : List.of("Spend", "../x", "a b", "a_b", "")) {
            assertThatThrownBy(() -> chart(bad, "alt")).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> chart("ok", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(chart("spend-2024", "alt").id()).isEqualTo("spend-2024");
    }

    @Test
    void tablesCheckNamesAndRowWidthAndAllowNullCells() {
        List<Column> cols = List.of(new Column("a", ColumnType.TEXT, null), new Column("b", ColumnType.COUNT, null));
        assertThatThrownBy(() -> new DataTable("../t", "t", cols, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataTable("t", "t", cols, List.of(List.of("x"))))
                .isInstanceOf(IllegalArgumentException.class);
        List<Object> row = new ArrayList<>(Arrays.asList(null, Suppressed.INSTANCE));
        DataTable t = new DataTable("t", "t", cols, List.of(row));
        row.set(0, "mutated");
        assertThat(t.rows().get(0)).containsExactly(null, Suppressed.INSTANCE);
    }

    @Test
    void reportRejectsDuplicatePages() {
        Page p = new Page("index.html", "t", List.of());
        assertThatThrownBy(() -> new Report("r", LocalDate.of(2024, 1, 1), "run", List.of(p, p), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Chart chart(String id, String alt) {
        return new Chart(id, ChartKind.BAR, "t", alt, "x", "y", List.of("a"),
                List.of(new ChartSeries("s", List.of(1.0))));
    }
}
