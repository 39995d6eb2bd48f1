package org.glasshouse.release;

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
import java.util.List;
import java.util.stream.Stream;
import org.glasshouse.reports.model.Chart;
import org.glasshouse.reports.render.SiteRenderer;

/**
 * Charts drawn by earlier builds, by a hash of the chart (id, kind, titles, alt text, categories, every value) and
 * the pipeline's code: equal charts are drawn to the same bytes, so a release whose figures did not change copies
 * its PNG and SVG files instead of drawing them again. Kept privately; the newest {@link #MAX_CHARTS} stay.
 */
public final class ChartCache implements SiteRenderer.ChartStore {

    static final int MAX_CHARTS = 2_000;
    private static final String[] FORMATS = {".png", ".svg"};

    private final Path dir;
    private final String code;
    private int fetched;
    private int kept;

    public ChartCache(Path dir, String code) {
        this.dir = dir;
        this.code = code;
    }

    @Override
    public boolean fetch(Chart chart, Path target) throws IOException {
        String key = key(chart);
        for (String f : FORMATS) if (!Files.isRegularFile(dir.resolve(key + f))) return false;
        Files.createDirectories(target);
        for (String f : FORMATS) {
            Path from = dir.resolve(key + f);
            Files.copy(from, target.resolve(chart.id() + f), StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(from, FileTime.fromMillis(System.currentTimeMillis()));
        }
        fetched++;
        return true;
    }

    @Override
    public void keep(Chart chart, Path drawn) throws IOException {
        Files.createDirectories(dir);
        String key = key(chart);
        for (String f : FORMATS) {
            Path tmp = Files.createTempFile(dir, "chart", ".tmp");
            try {
                Files.copy(drawn.resolve(chart.id() + f), tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, dir.resolve(key + f), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        kept++;
    }

    /** Charts copied from the cache by this instance. */
    public int fetched() {
        return fetched;
    }

    /** Charts drawn and added to the cache by this instance. */
    public int kept() {
        return kept;
    }

    /** Drops the least recently used charts beyond {@link #MAX_CHARTS}. */
    public void prune() throws IOException {
        if (!Files.isDirectory(dir)) return;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".png")).toList());
        }
        if (files.size() <= MAX_CHARTS) return;
        files.sort((a, b) -> mtime(b).compareTo(mtime(a)));
        for (Path old : files.subList(MAX_CHARTS, files.size())) {
            String base = old.getFileName().toString().replace(".png", "");
            for (String f : FORMATS) Files.deleteIfExists(dir.resolve(base + f));
        }
    }

    private static FileTime mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Every component, each list with its length, separated by NUL (no two different charts read the same). */
    String key(Chart chart) {
        StringBuilder b = new StringBuilder("glasshouse-chart-v1\u0000").append(code);
        for (Object part : List.of(chart.id(), chart.kind(), chart.title(), chart.altText(),
                chart.categoryAxisLabel(), chart.valueAxisLabel(), chart.valueType())) {
            b.append('\u0000').append(part);
        }
        b.append("\u0000categories=").append(chart.categories().size());
        for (String c : chart.categories()) b.append('\u0000').append(c);
        for (var s : chart.series()) {
            b.append("\u0000series=").append(s.values().size()).append('\u0000').append(s.name());
            for (Double v : s.values()) b.append('\u0000').append(v);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
