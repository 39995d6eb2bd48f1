package org.glasshouse.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.glasshouse.publish.Checksums;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands new files from an input folder ({@code reference/<dataset>.csv} and {@code inbox/<partner_id>/...}) into the
 * landing zone, unchanged, with their SHA-256. A file whose checksum is already landed is not landed again.
 */
public final class Ingestor {

    private static final Logger log = LoggerFactory.getLogger(Ingestor.class);

    private final Path landingDir;
    private final LandingManifest manifest;
    private final Collection<String> datasets;
    private final Clock clock;
    private final List<PartnerSource> sources;
    private final HttpFetcher fetcher;

    public Ingestor(Path landingDir, Collection<String> datasets, Clock clock) {
        this(landingDir, datasets, clock, List.of(), System::getenv);
    }

    /** With partner sources from config/partners.yml; {@code env} supplies bearer tokens (System::getenv). */
    public Ingestor(Path landingDir, Collection<String> datasets, Clock clock, List<PartnerSource> sources,
                    java.util.function.Function<String, String> env) {
        this.landingDir = landingDir;
        this.manifest = new LandingManifest(landingDir.resolve("manifest.jsonl"));
        this.datasets = datasets;
        this.clock = clock;
        this.sources = sources;
        this.fetcher = new HttpFetcher(landingDir.resolve("_http"), env);
    }

    public LandingManifest manifest() { return manifest; }

    public IngestResult ingest(Path input, String runId) throws IOException {
        if (!Files.isDirectory(input)) {
            throw new IOException("Input folder " + input + " does not exist; expected reference/ and inbox/ inside it");
        }
        Set<String> known = new HashSet<>();
        manifest.entries().forEach(e -> known.add(e.sha256()));
        List<LandedFile> landed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int[] seen = {0};

        Path reference = input.resolve("reference");
        if (Files.isDirectory(reference)) {
            for (Path f : listFiles(reference)) {
                take(f, LandedFile.REFERENCE, null, input.relativize(f).toString(), runId, Map.of(), known, landed,
                        problems, seen);
            }
        }
        Path inbox = input.resolve("inbox");
        if (Files.isDirectory(inbox)) {
            for (Path partnerDir : listDirs(inbox)) {
                String partner = partnerDir.getFileName().toString();
                if (!DatasetNaming.SAFE_ID.matcher(partner).matches()) {
                    problems.add("inbox folder '" + partner + "' is not a valid partner id; its files were not taken");
                    continue;
                }
                // One partner's unreadable folder is reported and does not stop the others.
                try {
                    Map<String, String> submitted = SubmissionLog.read(partnerDir);
                    for (Path f : listFiles(partnerDir)) {
                        take(f, partner, null, input.relativize(f).toString(), runId, submitted, known, landed,
                                problems, seen);
                    }
                    for (Path sub : listDirs(partnerDir)) {
                        for (Path f : listFiles(sub)) {
                            take(f, partner, sub.getFileName().toString(), input.relativize(f).toString(), runId,
                                    submitted, known, landed, problems, seen);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    problems.add("partner " + partner + ": drop folder could not be read: " + e.getMessage());
                }
            }
        }
        for (PartnerSource s : sources) {
            if (s.kind() != PartnerSource.Kind.HTTP) continue;
            // A failing HTTP source (down, 404, bad token) is reported and the other partners go on.
            try {
                for (Map.Entry<Path, String> f : fetcher.fetch(s).entrySet()) {
                    take(f.getKey(), s.partnerId(), null, f.getValue(), runId, Map.of(), known, landed, problems, seen);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Partner {} source failed: {}", s.partnerId(), e.getMessage());
                problems.add("partner " + s.partnerId() + ": source failed: " + e.getMessage());
            }
        }
        log.info("Ingest: {} new file(s) landed, {} already ingested, {} problem(s)", landed.size(), seen[0],
                problems.size());
        return new IngestResult(landed, seen[0], problems);
    }

    private void take(Path file, String partner, String folder, String source, String runId,
                      Map<String, String> submitted, Set<String> known, List<LandedFile> landed,
                      List<String> problems, int[] seen) throws IOException {
        String name = file.getFileName().toString();
        if (DatasetNaming.isMetadata(name)) return;
        Optional<String> dataset = DatasetNaming.datasetOf(folder, name, datasets);
        Optional<String> format = DatasetNaming.formatOf(name);
        if (dataset.isEmpty()) problems.add(source + ": file name does not start with a known dataset name");
        if (format.isEmpty()) problems.add(source + ": unsupported file type (accepted: .csv, .jsonl, .parquet, .xlsx)");

        String sha = Checksums.sha256(file);
        if (!known.add(sha)) {
            seen[0]++;
            return;
        }
        Path rel = Path.of(safeSegment(partner), sha, DatasetNaming.safeFileName(name));
        Path target = landingDir.resolve(rel);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        String submittedAt = submitted.getOrDefault(name, Files.getLastModifiedTime(file).toInstant().toString());
        LandedFile entry = new LandedFile(sha, Files.size(target), partner, dataset.orElse(null),
                format.orElse(null), name, source, rel.toString(), clock.instant().toString(), submittedAt, runId);
        manifest.append(entry);
        landed.add(entry);
    }

    private static String safeSegment(String partner) {
        return LandedFile.REFERENCE.equals(partner) ? partner : DatasetNaming.safeFileName(partner);
    }


    private static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<Path> listDirs(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
