package org.glasshouse.nightly;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Runs whose summary.json says COMPLETED: the ones analysts and trends may rely on. */
public final class CompletedRuns {

    private CompletedRuns() {}

    public static TreeSet<Long> ids(Path runsDir) {
        TreeSet<Long> ids = new TreeSet<>();
        if (!Files.isDirectory(runsDir)) return ids;
        try (Stream<Path> s = Files.list(runsDir)) {
            for (Path dir : s.toList()) {
                Path summary = dir.resolve("summary.json");
                if (!dir.getFileName().toString().matches("\\d+") || !Files.isRegularFile(summary)) continue;
                JsonNode json = IngestTasklet.JSON.readTree(summary.toFile());
                if ("COMPLETED".equals(json.path("status").asText())) ids.add(Long.parseLong(dir.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read run summaries under " + runsDir, e);
        }
        return ids;
    }

    public static OptionalLong latest(Path runsDir) {
        TreeSet<Long> ids = ids(runsDir);
        return ids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ids.last());
    }
}
