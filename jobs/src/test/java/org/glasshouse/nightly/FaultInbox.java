package org.glasshouse.nightly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.glasshouse.validate.BadFiles;

/**
 * A small input folder for the fault suite: six partners, each with one agreement; five carry bad files of every
 * class (several per partner), the sixth only good ones. Dates are in 2090 so that no file is ever late or early
 * against the real clock the landing times come from: the published bytes do not depend on the day a test runs.
 * Limits are small (passed as settings), so the bad files are small too.
 */
final class FaultInbox {

    static final String AS_OF = "2090-12-31";

    /** The settings every run of the suite uses: small limits, so a few kilobytes pass them. */
    static final List<String> LIMITS = List.of("--glasshouse.limits.line-chars=10000",
            "--glasshouse.limits.field-chars=1000", "--glasshouse.limits.columns=50",
            "--glasshouse.limits.inflated-bytes=2000000", "--glasshouse.limits.xlsx-shared-strings=1000",
            "--glasshouse.limits.json-depth=8", "--glasshouse.limits.json-number-digits=40",
            "--glasshouse.limits.json-keys=60", "--glasshouse.limits.flex-columns=3");

    /** A bad (or good) file: where it lands, its expected accounting and the rules its feedback must name. */
    record Expected(String source, long read, long accepted, long quarantined, Map<String, Integer> rules) {
        String partner() {
            return source.split("/")[1];
        }
    }

    private FaultInbox() {}

    /** Writes the folder; returns every file's expectation (-1 for counts that are checked another way). */
    static Map<String, Expected> write(Path input) throws IOException {
        reference(input.resolve("reference"));
        Map<String, Expected> e = new LinkedHashMap<>();
        Path in = input.resolve("inbox");
        String d5 = "2090-05-10";
        String d6 = "2090-06-10";
        String d7 = "2090-07-10";

        BadFiles.nulInOneRow(in.resolve("P01/services-2090-05.csv"), "S1A", "AGR-01", d5);
        add(e, "inbox/P01/services-2090-05.csv", 6, 5, 1, Map.of("ROW-008", 1));
        BadFiles.invalidUtf8InOneRow(in.resolve("P01/services-2090-06.csv"), "S1B", "AGR-01", d6);
        add(e, "inbox/P01/services-2090-06.csv", 5, 4, 1, Map.of("ROW-007", 1));

        BadFiles.oversizedField(in.resolve("P02/services-2090-05.csv"), "S2A", "AGR-02", d5, 1500);
        add(e, "inbox/P02/services-2090-05.csv", 5, 4, 1, Map.of("ROW-006", 1));
        BadFiles.tooManyColumns(in.resolve("P02/services-2090-06.csv"), "S2B", "AGR-02", d6, 60);
        add(e, "inbox/P02/services-2090-06.csv", 5, 4, 1, Map.of("ROW-001", 1));
        BadFiles.unboundedLine(in.resolve("P02/services-2090-07.csv"), "S2C", "AGR-02", d7, 20_000);
        add(e, "inbox/P02/services-2090-07.csv", 5, 4, 1, Map.of("ROW-005", 1));

        BadFiles.hostileJsonLines(in.resolve("P03/transactions.jsonl"), "T3A", "AGR-03", d5, 12, 80, 1500);
        add(e, "inbox/P03/transactions.jsonl", 7, 3, 4,
                Map.of("ROW-010", 1, "ROW-009", 1, "ROW-011", 1, "ROW-006", 1));
        Files.writeString(in.resolve("P03/transactions-ids.csv"), "transaction_id,agreement_id,date,type,amount,"
                + "currency,description\n" + CONTROL_ID + ",AGR-03,2090-03-10,expenditure,500.00,USD,rent\n"
                + "T3B-2,AGR-03,2090-03-10,expenditure,500.00,USD,rent\n", StandardCharsets.UTF_8);
        add(e, "inbox/P03/transactions-ids.csv", 2, 2, 0, Map.of());

        BadFiles.damagedXlsx(in.resolve("P04/services-2090-05.xlsx"), "S4A", "AGR-04", d5, 40, 10);
        add(e, "inbox/P04/services-2090-05.xlsx", 10, 0, 10, Map.of("FIL-009", 1));
        BadFiles.xlsxBomb(in.resolve("P04/services-2090-06.xlsx"), "S4B", "AGR-04", d6, 6_000_000);
        add(e, "inbox/P04/services-2090-06.xlsx", -1, 0, -1, Map.of("FIL-010", 1));
        BadFiles.manySharedStrings(in.resolve("P04/services-2090-07.xlsx"), 1200);
        add(e, "inbox/P04/services-2090-07.xlsx", 0, 0, 0, Map.of("FIL-011", 1));

        Path parquet = BadFiles.damagedParquet(in.resolve("P05/services-2090-05.parquet"), "S5A", "AGR-05", d5, 1000);
        long firstGroup = firstRowGroupRows(parquet);
        add(e, "inbox/P05/services-2090-05.parquet", firstGroup, 0, firstGroup, Map.of("FIL-009", 1));
        BadFiles.wideHeader(in.resolve("P05/services-2090-06.csv"), 60);
        add(e, "inbox/P05/services-2090-06.csv", 0, 0, 0, Map.of("FIL-013", 1));

        BadFiles.csv(in.resolve("P06/services-2090-05.csv"), BadFiles.services("S6A", "AGR-06", d5, 5));
        add(e, "inbox/P06/services-2090-05.csv", 5, 5, 0, Map.of());
        Files.writeString(in.resolve("P06/transactions.csv"), "transaction_id,agreement_id,date,type,amount,"
                + "currency,description\nT6-1,AGR-06,2090-02-05,disbursement,1000.00,USD,tranche\n"
                + "T6-2,AGR-06,2090-03-10,expenditure,400.00,USD,rent\n", StandardCharsets.UTF_8);
        add(e, "inbox/P06/transactions.csv", 2, 2, 0, Map.of());
        return e;
    }

    /** A transaction id with a control character: valid data that must still render in the PDF. */
    static final String CONTROL_ID = "T3B-\u00011";

    private static void add(Map<String, Expected> e, String source, long read, long accepted, long quarantined,
                            Map<String, Integer> rules) {
        e.put(source, new Expected(source, read, accepted, quarantined, rules));
    }

    private static long firstRowGroupRows(Path parquet) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(parquet.toUri()), new Configuration(false)))) {
            return r.getFooter().getBlocks().get(0).getRowCount();
        }
    }

    private static void reference(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder partners = new StringBuilder("partner_id,name,partner_type,region_code,registered_id\n");
        StringBuilder agreements = new StringBuilder("agreement_id,programme_id,partner_id,start_date,end_date,"
                + "committed_amount,currency,payment_model,reporting_due_day\n");
        for (int p = 1; p <= 6; p++) {
            partners.append(String.format("P%02d,Partner %d,nonprofit,R01,%n", p, p));
            agreements.append(String.format("AGR-%02d,PRG-A,P%02d,2090-01-01,2091-12-31,100000.00,USD,grant,10%n", p, p));
        }
        Files.writeString(dir.resolve("partners.csv"), partners.toString());
        Files.writeString(dir.resolve("agreements.csv"), agreements.toString());
        Files.writeString(dir.resolve("programmes.csv"), "programme_id,name,agency,sector,start_date,end_date,budget,"
                + "currency\nPRG-A,Alpha,Agency,youth,2090-01-01,2091-12-31,1000000.00,USD\n");
        Files.writeString(dir.resolve("indicators.csv"), "indicator_id,programme_id,name,unit,direction\n"
                + "IND-A1,PRG-A,Jobs,count,increase\n");
        Files.writeString(dir.resolve("regions.csv"), "region_code,name,priority_target_share\nR01,North,0.3\n");
    }
}
