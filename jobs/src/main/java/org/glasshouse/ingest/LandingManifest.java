package org.glasshouse.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
import java.util.Optional;
import org.glasshouse.publish.Durable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Append-only JSON Lines log of every file in the landing zone. A line is appended (and flushed to disk) only after
 * the file's copy is complete and flushed, so a crash leaves at worst an unlisted copy that the next run lands
 * again, or a torn last line. A torn last line (cut off by a crash mid-append) is ignored by readers and removed by
 * {@link #repair()}, which the ingest step runs before it appends; any other unreadable line is the agency's fault
 * (an edited or damaged manifest) and stops the run with its line number.
 */
public final class LandingManifest {

    private static final Logger log = LoggerFactory.getLogger(LandingManifest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public LandingManifest(Path file) {
        this.file = file;
    }

    private record Parsed(List<LandedFile> entries, String tornLine) {}

    public List<LandedFile> entries() throws IOException {
        Parsed p = parse();
        if (p.tornLine() != null) log.warn("{}: ignoring a torn last line ({})", file, p.tornLine());
        return p.entries();
    }

    /**
     * Removes a torn last line, rewriting the manifest atomically; returns what was removed, for the run summary.
     * Also ends an unterminated but complete last line, so the next append starts on a line of its own.
     */
    public Optional<String> repair() throws IOException {
        if (!Files.exists(file)) return Optional.empty();
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 0 || bytes[bytes.length - 1] == '\n') return Optional.empty();
        Parsed p = parse();
        StringBuilder good = new StringBuilder();
        for (LandedFile f : p.entries()) good.append(JSON.writeValueAsString(f)).append('\n');
        Durable.writeAtomically(file, good.toString());
        if (p.tornLine() == null) return Optional.empty();
        String message = "landing manifest " + file + ": a torn last line (left by an interrupted run) was removed: "
                + p.tornLine() + "; its file, if complete, is landed again";
        log.warn(message);
        return Optional.of(message);
    }

    private Parsed parse() throws IOException {
        if (!Files.exists(file)) return new Parsed(List.of(), null);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        byte[] tail = tail();
        boolean terminated = tail.length == 0 || tail[0] == '\n';
        List<LandedFile> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            boolean last = i == lines.size() - 1;
            try {
                out.add(JSON.readValue(line, LandedFile.class));
            } catch (JsonProcessingException e) {
                if (last && !terminated) return new Parsed(out, abbreviate(line));
                throw new IOException("landing manifest " + file + " line " + (i + 1) + " is not a landed-file "
                        + "record (" + e.getOriginalMessage() + "); restore it from backup or remove the line", e);
            }
        }
        return new Parsed(out, null);
    }

    private byte[] tail() throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() == 0) return new byte[0];
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, ch.size() - 1);
            return b.array();
        }
    }

    private static String abbreviate(String line) {
        String s = Names.printable(line);
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    public void append(LandedFile entry) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        boolean created = !Files.exists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) ch.write(b);
            ch.force(true);
        }
        if (created) Durable.fsyncDirectory(file.getParent());
    }

    /**
     * The files a run validates: for every replacement key, the latest arrival (a resubmission replaces the
     * earlier file, which stays in the landing zone). Sorted for deterministic processing.
     */
    public static List<LandedFile> activeSet(Collection<LandedFile> all) {
        Map<String, LandedFile> latest = new LinkedHashMap<>();
        for (LandedFile f : all) {
            if (f.dataset() == null || f.format() == null) continue;
            latest.merge(f.replacementKey(), f, (a, b) -> arrival(b).compareTo(arrival(a)) >= 0 ? b : a);
        }
        return latest.values().stream()
                .sorted(Comparator.comparing(LandedFile::partnerId).thenComparing(LandedFile::dataset)
                        .thenComparing(LandedFile::originalName))
                .toList();
    }

    /** Arrival as an instant ("...:00Z" sorts after "...:00.5Z" as text). */
    static java.time.Instant arrival(LandedFile f) {
        try {
            return java.time.Instant.parse(f.arrivedAt());
        } catch (RuntimeException e) {
            return java.time.Instant.EPOCH;
        }
    }
}
