package org.glasshouse.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.Suppressed;
import org.junit.jupiter.api.Test;

class CellFormatterTest {
    @Test
    void moneyRoundsHalfUpFromDecimalInput() {
        assertThat(CellFormatter.plain(new BigDecimal("2.675"), ColumnType.MONEY)).isEqualTo("2.68");
        assertThat(CellFormatter.plain(0.125, ColumnType.MONEY)).isEqualTo("0.13");
        assertThat(CellFormatter.plain(2.675, ColumnType.MONEY)).isEqualTo("2.68");
        assertThat(CellFormatter.plain(-5L, ColumnType.MONEY)).isEqualTo("-5.00");
        assertThat(CellFormatter.plain(-0.001, ColumnType.MONEY)).isEqualTo("0.00");
    }

    @Test
    void rateNumberAndIntegers() {
        assertThat(CellFormatter.plain(0.12345, ColumnType.RATE)).isEqualTo("0.1235");
        assertThat(CellFormatter.plain(1.0E-7, ColumnType.RATE)).isEqualTo("0.0000");
        assertThat(CellFormatter.plain(1.23456789, ColumnType.NUMBER)).isEqualTo("1.234568");
        assertThat(CellFormatter.plain(2.5, ColumnType.NUMBER)).isEqualTo("2.5");
        assertThat(CellFormatter.plain(1.0E20, ColumnType.NUMBER)).isEqualTo("100000000000000000000");
        assertThat(CellFormatter.plain(12.0, ColumnType.COUNT)).isEqualTo("12");
        assertThat(CellFormatter.plain(7, ColumnType.INTEGER)).isEqualTo("7");
        assertThat(CellFormatter.plain(Double.NaN, ColumnType.NUMBER)).isEmpty();
    }

    @Test
    void displayAddsThousandsSeparatorsExceptForIntegers() {
        assertThat(CellFormatter.display(new BigDecimal("1234567.5"), ColumnType.MONEY)).isEqualTo("1,234,567.50");
        assertThat(CellFormatter.display(-1234L, ColumnType.COUNT)).isEqualTo("-1,234");
        assertThat(CellFormatter.display(999L, ColumnType.COUNT)).isEqualTo("999");
        assertThat(CellFormatter.display(2024, ColumnType.INTEGER)).isEqualTo("2024");
        // measures on pages: three significant digits, whole numbers never cut; files keep 6 decimals
        assertThat(CellFormatter.display(1234.5, ColumnType.NUMBER)).isEqualTo("1,235");
        assertThat(CellFormatter.display(0.82713, ColumnType.NUMBER)).isEqualTo("0.827");
        assertThat(CellFormatter.display(3.921569, ColumnType.NUMBER)).isEqualTo("3.92");
        assertThat(CellFormatter.display(270.59, ColumnType.NUMBER)).isEqualTo("271");
        assertThat(CellFormatter.display(0.0102, ColumnType.NUMBER)).isEqualTo("0.0102");
        assertThat(CellFormatter.display(1.2, ColumnType.NUMBER)).isEqualTo("1.2");
        assertThat(CellFormatter.display(0.0, ColumnType.NUMBER)).isEqualTo("0");
        assertThat(CellFormatter.display(-0.000001, ColumnType.NUMBER)).isEqualTo("-0.000001");
        assertThat(CellFormatter.plain(3.921569, ColumnType.NUMBER)).isEqualTo("3.921569");
    }

    @Test
    void nonNumbers() {
        assertThat(CellFormatter.plain(null, ColumnType.MONEY)).isEmpty();
        assertThat(CellFormatter.plain(Suppressed.INSTANCE, ColumnType.COUNT)).isEqualTo("[c]");
        assertThat(CellFormatter.plain(LocalDate.of(2024, 2, 29), ColumnType.DATE)).isEqualTo("2024-02-29");
        assertThat(CellFormatter.plain(true, ColumnType.TEXT)).isEqualTo("true");
        assertThat(CellFormatter.plain("n/a", ColumnType.MONEY)).isEqualTo("n/a");
    }
}
