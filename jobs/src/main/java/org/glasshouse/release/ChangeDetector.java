package org.glasshouse.release;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.glasshouse.publish.ReleasePublisher;
import org.glasshouse.report.ReleaseChanges;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.render.CsvTableWriter;

/**
 * Compares this release's figures with the previous release's published CSV files, cell by cell, matching rows by
 * each table's key columns. Both sides are compared as published text (the new tables are written as CSV first), so
 * a change means a reader of the downloads would see a different figure. as_of is ignored: it changes every time.
 */
public final class ChangeDetector {

    public static final int MAX_LISTED = 500;

    private ChangeDetector() {}

    /** @param previousRelease the previous release folder, or null when there is none */
    public static ReleaseChanges compare(Path previousRelease, List<DataTable> current, Map<String, List<String>> keys,
                                         Path scratch) throws IOException {
        if (previousRelease == null || !Files.isDirectory(previousRelease)) return ReleaseChanges.first();
        List<List<Object>> rows = new ArrayList<>();
        int total = 0;
        ReleasePublisher.deleteTree(scratch);
        Files.createDirectories(scratch);
        for (DataTable t : current) {
            Path old = previousRelease.resolve("data").resolve(t.name() + ".csv");
            Path now = scratch.resolve(t.name() + ".csv");
            CsvTableWriter.write(t, now);
            List<String> key = keys.getOrDefault(t.name(), List.of());
            Map<String, Map<String, String>> before = Files.isRegularFile(old) ? read(old, key) : Map.of();
            Map<String, Map<String, String>> after = read(now, key);
            for (var e : after.entrySet()) {
                Map<String, String> b = before.get(e.getKey());
                if (b == null) {
                    total++;
                    if (rows.size() < MAX_LISTED) rows.add(List.of(t.name(), e.getKey(), "(row)", "", "added"));
                    continue;
                }
                for (var cell : e.getValue().entrySet()) {
                    String was = b.get(cell.getKey());
                    if (cell.getKey().equals("as_of") || key.contains(cell.getKey())
                            || Objects.equals(was, cell.getValue())) continue;
                    total++;
                    if (rows.size() < MAX_LISTED) {
                        rows.add(List.of(t.name(), e.getKey(), cell.getKey(), was == null ? "" : was, cell.getValue()));
                    }
                }
            }
            for (String gone : before.keySet()) {
                if (after.containsKey(gone)) continue;
                total++;
                if (rows.size() < MAX_LISTED) rows.add(List.of(t.name(), gone, "(row)", "present", "removed"));
            }
        }
        ReleasePublisher.deleteTree(scratch);
        return new ReleaseChanges(previousRelease.getFileName().toString(),
                new DataTable("changes", "Changes", ReleaseChanges.COLUMNS, rows), total - rows.size());
    }

    private static Map<String, Map<String, String>> read(Path csv, List<String> key) throws IOException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            int n = 0;
            for (CSVRecord rec : p) {
                Map<String, String> cells = new LinkedHashMap<>(rec.toMap());
                StringBuilder k = new StringBuilder();
                for (String c : key) k.append(k.isEmpty() ? "" : ", ").append(c).append('=').append(cells.get(c));
                out.put(key.isEmpty() ? "row " + (++n) : k.toString(), cells);
            }
        }
        return out;
    }
}
