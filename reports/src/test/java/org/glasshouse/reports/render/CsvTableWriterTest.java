package org.glasshouse.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Suppressed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesExactRfc4180Bytes() throws Exception {
        DataTable table = new DataTable("t", "T", List.of(
                new Column("partner", ColumnType.TEXT, null),
                new Column("id", ColumnType.ID, null),
                new Column("amount", ColumnType.MONEY, null),
                new Column("rate", ColumnType.RATE, null),
                new Column("people", ColumnType.COUNT, null),
                new Column("value", ColumnType.NUMBER, null),
                new Column("date", ColumnType.DATE, null)),
                List.of(
                        Arrays.asList("Acme, Inc.", "P-01", new BigDecimal("2.675"), 0.12345, 1234L, 1.23456789,
                                LocalDate.of(2024, 1, 31)),
                        Arrays.asList("=HYPERLINK(\"http://x\")", "@SUM(1)", -5L, Suppressed.INSTANCE,
                                Suppressed.INSTANCE, null, null),
                        Arrays.asList("line1\nline2", "+1", 0.125, -0.00001, 12.0, 1.0E20,
                                LocalDate.of(2024, 2, 29)),
                        Arrays.asList("-2 is text", "\tx", -0.5, 1, 0, -3.5, null)));
        Path file = dir.resolve("sub/t.csv");

        CsvTableWriter.write(table, file);

        String expected = "partner,id,amount,rate,people,value,date\r\n"
                + "\"Acme, Inc.\",P-01,2.68,0.1235,1234,1.234568,2024-01-31\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(1),-5.00,[c],[c],,\r\n"
                + "\"line1\nline2\",'+1,0.13,0.0000,12,100000000000000000000,2024-02-29\r\n"
                + "'-2 is text,'\tx,-0.50,1.0000,0,-3.5,\r\n";
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(bytes).startsWith("partner".getBytes(StandardCharsets.UTF_8)); // no BOM
    }

    @Test
    void utf8WithoutBomAndHeaderOnlyForEmptyTable() throws Exception {
        DataTable table = new DataTable("empty", "Empty", List.of(new Column("région", ColumnType.TEXT, null)),
                List.of());
        Path file = dir.resolve("empty.csv");
        CsvTableWriter.write(table, file);
        assertThat(Files.readAllBytes(file)).isEqualTo("région\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
