package org.glasshouse.validate.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.glasshouse.contract.Contract;
import org.glasshouse.contract.ContractCatalog;
import org.glasshouse.validate.BadFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each class of bad content, read by the real inspector and executor reader (no Spark needed: the reader is a
 * plain function of one file): one row's problem stays with that row, a file that breaks off ends in a file event
 * after the rows read so far, and nothing escapes as an exception. Limits are small so the files are.
 */
class FileReadingFaultsTest {

    static final InputLimits LIMITS = new InputLimits(10_000_000, 2000, 200, 40, 2_000_000, 1000, 8, 40, 60, 3);
    static final Contract SERVICES = ContractCatalog.embedded().get("services");
    static final Contract TRANSACTIONS = ContractCatalog.embedded().get("transactions");

    @TempDir
    Path dir;

    /** What reading one file gave: the inspection's findings, then every row and event the reader emitted. */
    record Read(List<FileFinding> findings, List<Row> rows, List<Row> events) {
        List<String> malformed() {
            return rows.stream().map(r -> r.<String>getAs(RawRows.MALFORMED)).toList();
        }

        List<Long> lines() {
            return rows.stream().map(r -> r.<Long>getAs(RawRows.LINE)).toList();
        }

        List<String> eventRules() {
            return events.stream().map(r -> r.<String>getAs(RawRows.FILE_EVENT)).toList();
        }
    }

    private Read read(Path file, String format, Contract contract) throws IOException {
        FileInspector.Inspection insp = FileInspector.inspect("f1", "P01", file, format, contract, LIMITS);
        List<Row> rows = new ArrayList<>();
        List<Row> events = new ArrayList<>();
        if (insp.task() != null) {
            Iterator<Row> it = new FileParser(new Pseudonymiser("k"), LIMITS).call(insp.task());
            while (it.hasNext()) {
                Row r = it.next();
                if (r.get(8) == null) rows.add(withSchema(r, contract)); // 8: RawRows.FILE_EVENT
                else events.add(withSchema(r, contract));
            }
        }
        return new Read(insp.findings(), rows, events);
    }

    private static Row withSchema(Row r, Contract contract) {
        Object[] values = new Object[r.size()];
        for (int i = 0; i < values.length; i++) values[i] = r.get(i);
        return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(values, RawRows.schema(contract));
    }

    private static String value(Row r, String field) {
        return r.getAs(field);
    }

    @Test
    void aNulInOneRowQuarantinesThatRowAndKeepsTheFiveGoodOnes() throws IOException {
        Read r = read(BadFiles.nulInOneRow(dir.resolve("s.csv"), "S", "AGR-1", "2025-03-10"), "csv", SERVICES);
        assertThat(r.findings()).isEmpty();
        assertThat(r.lines()).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(r.malformed()).containsExactly(null, null, MalformedRule.NUL_CHARACTER, null, null, null);
        assertThat(value(r.rows().get(2), RawRows.RAW)).contains("couns\u2400elling");
        assertThat(value(r.rows().get(3), "record_id")).isEqualTo("S-4");
    }

    @Test
    void invalidUtf8InOneRowOfAUtf8FileQuarantinesThatRowOnly() throws IOException {
        Read r = read(BadFiles.invalidUtf8InOneRow(dir.resolve("s.csv"), "S", "AGR-1", "2025-03-10"), "csv", SERVICES);
        assertThat(r.findings()).isEmpty(); // no "converted from Windows-1252": the file is UTF-8
        assertThat(r.malformed()).containsExactly(null, MalformedRule.INVALID_ENCODING, null, null, null);
        assertThat(value(r.rows().get(0), "service_type")).isEqualTo("café");
        assertThat(value(r.rows().get(1), RawRows.RAW)).contains("cr\uFFFDche");
    }

    @Test
    void aWholeFileInWindows1252IsStillConvertedWithAWarning() throws IOException {
        Path f = dir.resolve("s.csv");
        Files.write(f, (BadFiles.SERVICES_HEADER + "\n" + BadFiles.service("S-1", "AGR-1", "2025-03-10")
                .replace("counselling", "crèche") + "\n").getBytes(StandardCharsets.ISO_8859_1));
        Read r = read(f, "csv", SERVICES);
        assertThat(r.findings()).extracting(FileFinding::ruleId).containsExactly(FileRule.NOT_UTF8);
        assertThat(value(r.rows().get(0), "service_type")).isEqualTo("crèche");
    }

    @Test
    void anOversizedFieldQuarantinesItsRow() throws IOException {
        Read r = read(BadFiles.oversizedField(dir.resolve("s.csv"), "S", "AGR-1", "2025-03-10", 500), "csv",
                SERVICES);
        assertThat(r.malformed()).containsExactly(null, MalformedRule.FIELD_TOO_LONG, null, null, null);
        assertThat(value(r.rows().get(1), RawRows.DETAIL)).contains("longer than 200 characters");
    }

    @Test
    void aRowWiderThanTheColumnLimitIsTooManyFields() throws IOException {
        Read r = read(BadFiles.tooManyColumns(dir.resolve("s.csv"), "S", "AGR-1", "2025-03-10", 100), "csv",
                SERVICES);
        assertThat(r.malformed()).containsExactly(null, MalformedRule.TOO_MANY_FIELDS, null, null, null);
        assertThat(value(r.rows().get(1), RawRows.DETAIL)).contains("more than 40 fields");
    }

    @Test
    void aHeaderWiderThanTheColumnLimitRefusesTheFile() throws IOException {
        Read r = read(BadFiles.wideHeader(dir.resolve("s.csv"), 60), "csv", SERVICES);
        assertThat(r.findings()).extracting(FileFinding::ruleId).containsExactly(FileRule.TOO_MANY_COLUMNS);
        assertThat(r.rows()).isEmpty();
    }

    @Test
    void anUnboundedLineIsOneQuarantinedRowAndReadingGoesOn() throws IOException {
        Read r = read(BadFiles.unboundedLine(dir.resolve("s.csv"), "S", "AGR-1", "2025-03-10", 50_000), "csv",
                SERVICES);
        assertThat(r.lines()).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(r.malformed()).containsExactly(null, MalformedRule.LINE_TOO_LONG, null, null, null);
        assertThat(value(r.rows().get(1), RawRows.RAW)).hasSizeLessThanOrEqualTo(2001);
        assertThat(value(r.rows().get(1), RawRows.DETAIL)).contains("50,002 characters");
    }

    @Test
    void hostileJsonLinesEachCostOnlyTheirOwnLine() throws IOException {
        Read r = read(BadFiles.hostileJsonLines(dir.resolve("t.jsonl"), "T", "AGR-1", "2025-03-10", 50, 100, 500),
                "jsonl", TRANSACTIONS);
        assertThat(r.malformed()).containsExactly(null, MalformedRule.NUMBER_TOO_LARGE, null,
                MalformedRule.JSON_TOO_DEEP, MalformedRule.TOO_MANY_KEYS, MalformedRule.FIELD_TOO_LONG, null);
        assertThat(value(r.rows().get(0), "amount")).isEqualTo("100.00");
        assertThat(value(r.rows().get(2), "amount")).isEqualTo("250.50");
        assertThat(value(r.rows().get(1), RawRows.DETAIL)).contains("more than the limit of 40");
    }

    @Test
    void aWorkbookDamagedAfterItsHeaderEndsInAFileEventAfterTheRowsReadSoFar() throws IOException {
        Read r = read(BadFiles.damagedXlsx(dir.resolve("s.xlsx"), "S", "AGR-1", "2025-03-10", 40, 10), "xlsx",
                SERVICES);
        assertThat(r.findings()).isEmpty();
        assertThat(r.rows()).hasSize(10);
        assertThat(r.malformed()).containsOnlyNulls();
        assertThat(r.eventRules()).containsExactly(FileRule.READ_FAILED);
        assertThat(value(r.events().get(0), RawRows.DETAIL)).startsWith("The file broke off after row 11");
        assertThat(r.events().get(0).<Long>getAs(RawRows.LINE)).isEqualTo(11L);
    }

    @Test
    void aParquetFileDamagedAfterItsHeaderEndsInAFileEvent() throws IOException {
        Read r = read(BadFiles.damagedParquet(dir.resolve("s.parquet"), "S", "AGR-1", "2025-03-10", 1000), "parquet",
                SERVICES);
        assertThat(r.findings()).isEmpty();
        assertThat(r.eventRules()).containsExactly(FileRule.READ_FAILED);
        assertThat(r.rows().size()).isBetween(1, 999);
        assertThat(r.lines()).isEqualTo(java.util.stream.LongStream.rangeClosed(1, r.rows().size()).boxed().toList());
    }

    @Test
    void aWorkbookThatInflatesBeyondTheLimitStopsThere() throws IOException {
        Read r = read(BadFiles.xlsxBomb(dir.resolve("s.xlsx"), "S", "AGR-1", "2025-03-10", 20_000_000), "xlsx",
                SERVICES);
        assertThat(r.findings()).isEmpty();
        assertThat(r.eventRules()).containsExactly(FileRule.INFLATES_TOO_MUCH);
        assertThat(r.rows()).isNotEmpty();
        assertThat(Files.size(dir.resolve("s.xlsx"))).isLessThan(200_000); // a bomb: small on disk
    }

    @Test
    void aWorkbookWithMoreSharedStringsThanTheLimitIsNotRead() throws IOException {
        Read r = read(BadFiles.manySharedStrings(dir.resolve("s.xlsx"), 1200), "xlsx", SERVICES);
        assertThat(r.findings()).extracting(FileFinding::ruleId).containsExactly(FileRule.TOO_MANY_SHARED_STRINGS);
        assertThat(r.rows()).isEmpty();
    }

    @Test
    void flexColumnsBeyondTheLimitAreIgnoredWithAWarning() throws IOException {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, BadFiles.SERVICES_HEADER + ",flex_a,flex_b,flex_c,flex_d,flex_e\n"
                + BadFiles.service("S-1", "AGR-1", "2025-03-10") + ",1,2,3,4,5\n");
        Read r = read(f, "csv", SERVICES);
        assertThat(r.findings()).extracting(FileFinding::ruleId).containsExactly(FileRule.TOO_MANY_FLEX_COLUMNS);
        assertThat(value(r.rows().get(0), RawRows.FLEX)).isEqualTo("{\"flex_a\":\"1\",\"flex_b\":\"2\",\"flex_c\":\"3\"}");
    }

    @Test
    void flexKeysOfJsonLinesBeyondTheLimitAreIgnoredWithAFileEvent() throws IOException {
        Path f = dir.resolve("t.jsonl");
        Files.writeString(f, BadFiles.transaction("T-1", "AGR-1", "2025-03-10", "1.00").replace("}",
                ",\"flex_a\":1,\"flex_b\":2}") + "\n" + BadFiles.transaction("T-2", "AGR-1", "2025-03-10", "1.00")
                .replace("}", ",\"flex_c\":3,\"flex_d\":4,\"flex_e\":5}") + "\n");
        Read r = read(f, "jsonl", TRANSACTIONS);
        assertThat(value(r.rows().get(1), RawRows.FLEX)).isEqualTo("{\"flex_c\":\"3\"}");
        assertThat(r.eventRules()).containsExactly(FileRule.TOO_MANY_FLEX_COLUMNS);
    }

    @Test
    void binaryFilesAreStillRefusedWhole() throws IOException {
        Path png = dir.resolve("s.csv");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, '\r', 'I', 'H'});
        assertThat(read(png, "csv", SERVICES).findings()).extracting(FileFinding::ruleId)
                .containsExactly(FileRule.UNREADABLE);
        Path nuls = dir.resolve("n.csv");
        Files.write(nuls, "a\0b\nc\0d\ne\0f\ngood\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(read(nuls, "csv", SERVICES).findings()).extracting(FileFinding::ruleId)
                .containsExactly(FileRule.UNREADABLE);
    }

    @Test
    void aControlCharacterInAnIdIsData() throws IOException {
        Read r = read(BadFiles.controlCharacterInId(dir.resolve("s.csv"), "S", "AGR-1", "2025-03-10"), "csv",
                SERVICES);
        assertThat(r.malformed()).containsOnlyNulls();
        assertThat(value(r.rows().get(0), "record_id")).isEqualTo("S-\u00011");
    }
}
