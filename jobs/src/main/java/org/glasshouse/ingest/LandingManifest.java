package org.glasshouse.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Append-only JSON Lines log of every file in the landing zone. A line is appended only after the file's copy is
 * complete, so a crash leaves at worst an unlisted copy that the next run lands again.
 */
public final class LandingManifest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public LandingManifest(Path file) {
        this.file = file;
    }

    public List<LandedFile> entries() throws IOException {
        if (!Files.exists(file)) return List.of();
        List<LandedFile> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) out.add(JSON.readValue(line, LandedFile.class));
        }
        return out;
    }

    public void append(LandedFile entry) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            w.write(JSON.writeValueAsString(entry));
            w.write('\n');
        }
    }

    /**
     * The files a run validates: for every replacement key, the latest arrival (a resubmission replaces the
     * earlier file, which stays in the landing zone). Sorted for deterministic processing.
     */
    public static List<LandedFile> activeSet(Collection<LandedFile> all) {
        Map<String, LandedFile> latest = new LinkedHashMap<>();
        for (LandedFile f : all) {
            if (f.dataset() == null || f.format() == null) continue;
            latest.merge(f.replacementKey(), f, (a, b) -> b.arrivedAt().compareTo(a.arrivedAt()) >= 0 ? b : a);
        }
        return latest.values().stream()
                .sorted(Comparator.comparing(LandedFile::partnerId).thenComparing(LandedFile::dataset)
                        .thenComparing(LandedFile::originalName))
                .toList();
    }
}
