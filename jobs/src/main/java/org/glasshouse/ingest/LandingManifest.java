package org.glasshouse.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glasshouse.publish.Durable;
import org.glasshouse.storage.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of every file in the landing zone, in arrival order, readable and writable on any store
 * ({@link Location}: {@code file:}, {@code hdfs://}, {@code s3a://}). Object stores cannot append, so each landed
 * file gets one small object, {@code manifest/<sequence>-<sha256>.json}, written once (temp name then rename where
 * the store renames atomically, one PUT on an object store) only after the file's copy is complete; the manifest is
 * the listing of that prefix in name order, which is arrival order (the sequence is zero-padded). A crash leaves at
 * worst an unlisted copy that the next run lands again, never half an entry.
 *
 * <p>Landing zones written before this layout keep their {@code manifest.jsonl} (one JSON line per file, appended):
 * it is still read, first, so no history is lost, and never appended to again. A torn last line there (cut off by a
 * crash mid-append in an older version) is ignored by readers and removed by {@link #repair()}; any other
 * unreadable line or object is the agency's fault (an edited or damaged manifest) and stops the run, named.
 */
public final class LandingManifest {

    private static final Logger log = LoggerFactory.getLogger(LandingManifest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The folder of per-file entries inside the landing zone. */
    public static final String ENTRIES = "manifest";
    /** The append-only log of landing zones written before {@link #ENTRIES}. */
    public static final String LEGACY = "manifest.jsonl";
    private static final java.util.regex.Pattern ENTRY_NAME = java.util.regex.Pattern.compile("(\\d{10})-[0-9a-f]+\\.json");

    private final Location zone;
    private long nextSequence;

    /** The manifest of the landing zone {@code zone}. */
    public LandingManifest(Location zone) {
        this.zone = zone;
    }

    /** The manifest of a local landing zone, named by its legacy file {@code <zone>/manifest.jsonl}. */
    public LandingManifest(Path legacyFile) {
        this(Location.of(legacyFile.toAbsolutePath().getParent()));
    }

    private record Parsed(List<LandedFile> entries, String tornLine) {}

    /** Every entry: the legacy log's lines, then one per entry object, in arrival order. */
    public List<LandedFile> entries() throws IOException {
        Parsed p = parseLegacy();
        if (p.tornLine() != null) log.warn("{}: ignoring a torn last line ({})", shown(legacy()), p.tornLine());
        List<LandedFile> out = new ArrayList<>(p.entries());
        for (Location o : entryObjects()) {
            try {
                out.add(JSON.readValue(o.readAllBytes(), LandedFile.class));
            } catch (JsonProcessingException e) {
                throw new IOException("landing manifest entry " + shown(o) + " is not a landed-file record ("
                        + e.getOriginalMessage() + "); restore it from backup or remove it", e);
            }
        }
        return out;
    }

    /**
     * Removes a torn last line of a legacy {@code manifest.jsonl}, rewriting it atomically; returns what was
     * removed, for the run summary. Also ends an unterminated but complete last line.
     */
    public Optional<String> repair() throws IOException {
        Location file = legacy();
        if (!file.isFile()) return Optional.empty();
        byte[] bytes = file.readAllBytes();
        if (bytes.length == 0 || bytes[bytes.length - 1] == '\n') return Optional.empty();
        Parsed p = parse(bytes);
        StringBuilder good = new StringBuilder();
        for (LandedFile f : p.entries()) good.append(JSON.writeValueAsString(f)).append('\n');
        Optional<Path> local = file.local();
        if (local.isPresent()) Durable.writeAtomically(local.get(), good.toString());
        else file.writeAtomically(good.toString().getBytes(StandardCharsets.UTF_8));
        if (p.tornLine() == null) return Optional.empty();
        String message = "landing manifest " + shown(file) + ": a torn last line (left by an interrupted run) was "
                + "removed: " + p.tornLine() + "; its file, if complete, is landed again";
        log.warn(message);
        return Optional.of(message);
    }

    private Location legacy() {
        return zone.resolve(LEGACY);
    }

    /** A local path as before (messages name it as they always did), else the URI. */
    private static String shown(Location l) {
        return l.local().map(Path::toString).orElse(l.uri());
    }

    /** The entry objects, in name (= arrival) order; temporary files of an interrupted write are not entries. */
    List<Location> entryObjects() throws IOException {
        List<Location> out = new ArrayList<>();
        for (Location l : zone.resolve(ENTRIES).list()) {
            if (ENTRY_NAME.matcher(l.name()).matches()) out.add(l);
        }
        return out;
    }

    private Parsed parseLegacy() throws IOException {
        Location file = legacy();
        if (!file.isFile()) return new Parsed(List.of(), null);
        return parse(file.readAllBytes());
    }

    private Parsed parse(byte[] bytes) throws IOException {
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        boolean terminated = bytes.length == 0 || bytes[bytes.length - 1] == '\n';
        List<LandedFile> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            boolean last = i == lines.size() - 1;
            try {
                out.add(JSON.readValue(line, LandedFile.class));
            } catch (JsonProcessingException e) {
                if (last && !terminated) return new Parsed(out, abbreviate(line));
                throw new IOException("landing manifest " + shown(legacy()) + " line " + (i + 1) + " is not a "
                        + "landed-file record (" + e.getOriginalMessage() + "); restore it from backup or remove the "
                        + "line", e);
            }
        }
        return new Parsed(out, null);
    }

    private static String abbreviate(String line) {
        String s = Names.printable(line);
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    /**
     * Records one landed file: a new entry object after the last, written once. On the local disk it is flushed
     * (file and folder) before it counts, as the landed copy was.
     */
    public void append(LandedFile entry) throws IOException {
        if (nextSequence == 0) {
            long last = 0;
            for (Location o : entryObjects()) {
                java.util.regex.Matcher m = ENTRY_NAME.matcher(o.name());
                if (m.matches()) last = Math.max(last, Long.parseLong(m.group(1)));
            }
            nextSequence = last + 1;
        }
        String name = String.format(java.util.Locale.ROOT, "%010d-%s.json", nextSequence, entry.sha256());
        byte[] bytes = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        Location target = zone.resolve(ENTRIES, name);
        Optional<Path> local = target.local();
        if (local.isPresent()) {
            boolean created = !Files.isDirectory(local.get().getParent());
            Durable.writeAtomically(local.get(), bytes);
            if (created) Durable.fsyncDirectory(local.get().getParent().getParent());
        } else {
            target.writeAtomically(bytes);
        }
        nextSequence++;
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
