package org.glasshouse.ingest;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** How a submitted file's dataset and format are recognised from its name or its folder. */
public final class DatasetNaming {

    /** Ids that may become part of a path: no separators, no dot-dot, no leading dot. */
    public static final Pattern SAFE_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$");

    private DatasetNaming() {}

    /** The dataset named by a folder ("services/") or by the start of a file name ("services-2026-06.csv"). */
    public static Optional<String> datasetOf(String folderName, String fileName, Collection<String> datasets) {
        if (folderName != null) {
            String folder = folderName.toLowerCase(Locale.ROOT);
            if (datasets.contains(folder)) return Optional.of(folder);
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        String best = null;
        for (String d : datasets) {
            if (name.startsWith(d) && (name.length() == d.length() || "-_.".indexOf(name.charAt(d.length())) >= 0)) {
                if (best == null || d.length() > best.length()) best = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** csv, jsonl, parquet or xlsx from the extension; empty when the format is not accepted. */
    public static Optional<String> formatOf(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt")) return Optional.of("csv");
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) return Optional.of("jsonl");
        if (name.endsWith(".parquet")) return Optional.of("parquet");
        if (name.endsWith(".xlsx")) return Optional.of("xlsx");
        return Optional.empty();
    }

    /** A file name safe to use inside the landing zone, whatever the partner called it. */
    public static String safeFileName(String fileName) {
        String s = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        while (s.startsWith(".")) s = "_" + s.substring(1);
        if (s.isEmpty()) s = "file";
        return s.length() > 120 ? s.substring(s.length() - 120) : s;
    }

    public static boolean isMetadata(String fileName) {
        return fileName.startsWith("_") || fileName.startsWith(".");
    }
}
