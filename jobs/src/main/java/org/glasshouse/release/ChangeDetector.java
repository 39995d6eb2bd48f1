package org.glasshouse.release;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.glasshouse.publish.ReleasePublisher;
import org.glasshouse.report.ReleaseChanges;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.render.CsvTableWriter;

/**
 * Compares this release's figures with the previous release's published CSV files, cell by cell, matching rows by
 * each table's key columns, and says why each figure changed ({@link ChangeReasons}, from the two manifests). Both
 * sides are compared as published text (the new tables are written as CSV first), so a change means a reader of the
 * downloads would see a different figure. as_of is ignored: it changes every time. The corrections log carries the
 * earlier releases' entries forward, newest first, up to {@link #MAX_LOG} rows.
 */
public final class ChangeDetector {

    public static final int MAX_LISTED = 500;
    public static final int MAX_LOG = 5_000;

    private ChangeDetector() {}

    /**
     * @param previousRelease the previous release folder, or null when there is none
     * @param currentManifest this release's manifest.json (already written), for the reasons
     * @param releaseId       this release's id, for the corrections log
     */
    public static ReleaseChanges compare(Path previousRelease, List<DataTable> current, Map<String, List<String>> keys,
                                         Path scratch, Path currentManifest, String releaseId) throws IOException {
        if (previousRelease == null || !Files.isDirectory(previousRelease)) return ReleaseChanges.first();
        String previousId = previousRelease.getFileName().toString();
        ChangeReasons reasons = new ChangeReasons(ChangeReasons.Facts.read(previousRelease.resolve("manifest.json")),
                ChangeReasons.Facts.read(currentManifest));
        Owners owners = new Owners(current);
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
                    if (rows.size() < MAX_LISTED) rows.add(List.of(t.name(), e.getKey(), "(row)", "", "added",
                            reasons.reason(owners.of(e.getValue()), "", "added")));
                    continue;
                }
                for (var cell : e.getValue().entrySet()) {
                    String was = b.get(cell.getKey());
                    if (cell.getKey().equals("as_of") || key.contains(cell.getKey())
                            || Objects.equals(was, cell.getValue())) continue;
                    total++;
                    if (rows.size() < MAX_LISTED) {
                        rows.add(List.of(t.name(), e.getKey(), cell.getKey(), was == null ? "" : was, cell.getValue(),
                                reasons.reason(owners.of(e.getValue()), was, cell.getValue())));
                    }
                }
            }
            for (var gone : before.entrySet()) {
                if (after.containsKey(gone.getKey())) continue;
                total++;
                if (rows.size() < MAX_LISTED) rows.add(List.of(t.name(), gone.getKey(), "(row)", "present", "removed",
                        reasons.reason(owners.of(gone.getValue()), "present", "removed")));
            }
        }
        ReleasePublisher.deleteTree(scratch);
        return new ReleaseChanges(previousId, new DataTable("changes", "Changes", ReleaseChanges.COLUMNS, rows),
                total - rows.size(), reasons.causes(), log(previousRelease, releaseId, previousId, rows));
    }

    /** This release's listed changes, then the previous log's rows, at most MAX_LOG in all. */
    private static DataTable log(Path previousRelease, String releaseId, String previousId, List<List<Object>> rows)
            throws IOException {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> r : rows) {
            if (out.size() >= MAX_LOG) break;
            List<Object> l = new ArrayList<>(List.of(releaseId, previousId));
            l.addAll(r);
            out.add(l);
        }
        Path old = previousRelease.resolve("data").resolve(ReleaseChanges.LOG_TABLE + ".csv");
        if (Files.isRegularFile(old)) {
            try (Reader r = Files.newBufferedReader(old, StandardCharsets.UTF_8);
                 CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                for (CSVRecord rec : p) {
                    if (out.size() >= MAX_LOG) break;
                    List<Object> l = new ArrayList<>();
                    for (var c : ReleaseChanges.LOG_COLUMNS) l.add(rec.isMapped(c.name()) ? unguard(rec.get(c.name())) : "");
                    out.add(l);
                }
            }
        }
        DataTable empty = ReleaseChanges.emptyLog();
        return new DataTable(empty.name(), empty.title(), empty.columns(), out);
    }

    /** The CSV writer prefixes text that a spreadsheet would run with a quote; read back, the prefix goes. */
    private static String unguard(String s) {
        return s.length() > 1 && s.charAt(0) == '\'' && "=+-@\t\r".indexOf(s.charAt(1)) >= 0 ? s.substring(1) : s;
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

    /** Which partners a published row is about: its partner, its agreement's partner, or its programme's partners. */
    private static final class Owners {
        private final Map<String, String> partnerOfAgreement = new HashMap<>();
        private final Map<String, Set<String>> partnersOfProgramme = new HashMap<>();
        private final Set<String> partners = new LinkedHashSet<>();

        Owners(List<DataTable> tables) {
            for (DataTable t : tables) {
                int a = index(t, "agreement_id");
                int p = index(t, "partner_id");
                int g = index(t, "programme_id");
                for (List<Object> r : t.rows()) {
                    if (p >= 0 && r.get(p) != null) partners.add(String.valueOf(r.get(p)));
                    if (a >= 0 && p >= 0 && r.get(a) != null && r.get(p) != null) {
                        partnerOfAgreement.put(String.valueOf(r.get(a)), String.valueOf(r.get(p)));
                    }
                    if (g >= 0 && p >= 0 && r.get(g) != null && r.get(p) != null) {
                        partnersOfProgramme.computeIfAbsent(String.valueOf(r.get(g)), x -> new LinkedHashSet<>())
                                .add(String.valueOf(r.get(p)));
                    }
                }
            }
        }

        /** The most specific owner wins: a row about an agreement of a programme is about that agreement's partner. */
        Set<String> of(Map<String, String> row) {
            Set<String> out = new LinkedHashSet<>();
            String partner = row.get("partner_id");
            if (partner != null && !partner.isEmpty()) {
                out.add(partner);
                return out;
            }
            String agreement = row.get("agreement_id");
            if (agreement != null && partnerOfAgreement.containsKey(agreement)) {
                out.add(partnerOfAgreement.get(agreement));
                return out;
            }
            for (String column : List.of("subject_id", "flag_id")) {
                for (String token : row.getOrDefault(column, "").split("[:/]")) {
                    if (partners.contains(token)) out.add(token);
                    if (partnerOfAgreement.containsKey(token)) out.add(partnerOfAgreement.get(token));
                }
            }
            if (out.isEmpty() && row.get("programme_id") != null) {
                out.addAll(partnersOfProgramme.getOrDefault(row.get("programme_id"), Set.of()));
            }
            return out;
        }

        private static int index(DataTable t, String column) {
            for (int i = 0; i < t.columns().size(); i++) if (t.columns().get(i).name().equals(column)) return i;
            return -1;
        }
    }
}
