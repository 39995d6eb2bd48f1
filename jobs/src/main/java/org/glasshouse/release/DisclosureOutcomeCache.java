package org.glasshouse.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.glasshouse.report.DisclosureControl;
import org.glasshouse.report.PublicTable;
import org.glasshouse.report.sdc.DisclosureAudit;
import org.glasshouse.report.sdc.ModelRule;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Suppressed;

/**
 * Disclosure control's outcome kept by a hash of everything it is a function of: the release's tables before
 * suppression (every cell, typed), the minimum cell size, the protection level, cost and search limit, and the
 * pipeline's code. The solve is deterministic (bounded by work, not time), so equal inputs hide the same cells and
 * audit the same way; a rerun with nothing new takes the cells to hide and the audit from the cache instead of
 * solving the integer programs again. What is kept is the suppressed positions (table, row, column) and the audit,
 * never the figures, in a private folder; a failed audit is never kept. The folder keeps the newest
 * {@link #MAX_ENTRIES} outcomes.
 */
public final class DisclosureOutcomeCache {

    static final int MAX_ENTRIES = 20;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DisclosureOutcomeCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is stored per outcome: the cells hidden (table, row index, column index) and the audit. */
    public record Entry(List<Hidden> hidden, DisclosureAudit audit) {}

    public record Hidden(String table, int row, int column) {}

    private final Path dir;
    private final String code;
    private int reused;

    /**
     * @param dir  the private folder the outcomes are kept in
     * @param code what identifies the pipeline's code (a change of code never reuses an outcome)
     */
    public DisclosureOutcomeCache(Path dir, String code) {
        this.dir = dir;
        this.code = code;
    }

    /** The tables protected and audited, from the cache when these exact inputs were protected before. */
    public Result protect(DisclosureControl sdc, Map<String, PublicTable> specs, Map<String, DataTable> tables,
                          List<ModelRule> rules, String settings) throws IOException {
        String key = key(sdc, tables, settings);
        Path file = dir.resolve(key + ".json");
        if (Files.isRegularFile(file)) {
            try {
                Entry e = JSON.readValue(file.toFile(), Entry.class);
                Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
                LOG.info("Disclosure control: the release's tables are unchanged since an earlier run; its outcome "
                        + "({} cells hidden) is reused", e.hidden().size());
                reused++;
                return new Result(apply(tables, e.hidden()), e.audit(), true);
            } catch (IOException | RuntimeException unreadable) {
                LOG.warn("Disclosure control: cached outcome {} unreadable ({}); solving again", file, unreadable.toString());
            }
        }
        DisclosureControl.Outcome o = sdc.protect(specs, tables, rules);
        store(file, new Entry(hidden(tables, o.tables()), o.audit()));
        return new Result(o.tables(), o.audit(), false);
    }

    /** Outcomes this instance took from the cache. */
    public int reused() {
        return reused;
    }

    /** Protected tables and their audit; {@code reused} when they came from the cache. */
    public record Result(Map<String, DataTable> tables, DisclosureAudit audit, boolean reused) {}

    private void store(Path file, Entry e) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "outcome", ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), e);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        prune();
    }

    private void prune() throws IOException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".json")).toList());
        }
        if (entries.size() <= MAX_ENTRIES) return;
        entries.sort((a, b) -> mtime(b).compareTo(mtime(a)));
        for (Path old : entries.subList(MAX_ENTRIES, entries.size())) Files.deleteIfExists(old);
    }

    private static FileTime mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Every cell the protected tables show as suppressed where the tables before protection did not. */
    static List<Hidden> hidden(Map<String, DataTable> before, Map<String, DataTable> after) {
        List<Hidden> out = new ArrayList<>();
        for (var e : after.entrySet()) {
            List<List<Object>> was = before.get(e.getKey()).rows();
            List<List<Object>> now = e.getValue().rows();
            for (int r = 0; r < now.size(); r++) {
                for (int c = 0; c < now.get(r).size(); c++) {
                    if (now.get(r).get(c) instanceof Suppressed && !(was.get(r).get(c) instanceof Suppressed)) {
                        out.add(new Hidden(e.getKey(), r, c));
                    }
                }
            }
        }
        return out;
    }

    static Map<String, DataTable> apply(Map<String, DataTable> tables, List<Hidden> hidden) {
        Map<String, List<List<Object>>> grid = new LinkedHashMap<>();
        tables.forEach((name, t) -> {
            List<List<Object>> rows = new ArrayList<>();
            for (List<Object> r : t.rows()) rows.add(new ArrayList<>(r));
            grid.put(name, rows);
        });
        for (Hidden h : hidden) grid.get(h.table()).get(h.row()).set(h.column(), Suppressed.INSTANCE);
        Map<String, DataTable> out = new LinkedHashMap<>();
        tables.forEach((name, t) -> out.put(name, new DataTable(t.name(), t.title(), t.columns(), grid.get(name))));
        return out;
    }

    /** SHA-256 of the code, the settings and every table's name, columns and typed cells, in order. */
    String key(DisclosureControl sdc, Map<String, DataTable> tables, String settings) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            StringBuilder b = new StringBuilder("glasshouse-disclosure-outcome-v1\n").append(code).append('\n')
                    .append("k=").append(sdc.k()).append(" p=").append(sdc.p()).append(' ').append(settings)
                    .append('\n');
            md.update(b.toString().getBytes(StandardCharsets.UTF_8));
            for (var e : tables.entrySet()) TableDigest.update(md, e.getKey(), e.getValue());
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
