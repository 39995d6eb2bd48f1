package org.glasshouse.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import java.io.OutputStream;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.fs.FileSystem;
import org.glasshouse.publish.Durable;
import org.glasshouse.storage.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands new files from an input folder ({@code reference/<dataset>.csv} and {@code inbox/<partner_id>/...}) and
 * from HTTP sources into the landing zone, unchanged, with their SHA-256 and the time the agency received them.
 *
 * <ul>
 *   <li>A partner's drop folder is read without following links or opening anything that is not a regular file
 *       ({@link InboxScanner}); a path never leaves its partner's folder (checked on the real path).</li>
 *   <li>Each file is copied first and the copy hashed ({@link LandingCopy}); a file that changes while copied is
 *       not landed this run.</li>
 *   <li>A file is new unless the latest landing of the same partner, dataset, folder and name has the same
 *       checksum: identical bytes from two partners both land, and A, then B, then A again lands A again (so the
 *       partner ends on A).</li>
 *   <li>Receipt time: the agency's receipt log ({@link ReceiptLog}) or the landing time, never a partner's.</li>
 * </ul>
 * Every refusal is an {@link IngestFinding} for the partner's feedback; one partner's problems never stop the
 * others. Only faults of the agency's own storage (the landing zone cannot be written) stop the run.
 */
public final class Ingestor {

    private static final String INCOMING = "_incoming";

    private static final Logger log = LoggerFactory.getLogger(Ingestor.class);

    /** The landing zone on whichever store holds it. */
    private final Location zone;
    /** The zone's folder when it is on the local disk (landed by atomic moves, as always), else null. */
    private final Path localZone;
    /** Where copies are made and hashed before they are landed: the zone itself when local, else a driver folder. */
    private final Path work;
    private final LandingManifest manifest;
    private final Collection<String> datasets;
    private final Clock clock;
    private final List<PartnerSource> sources;
    private final HttpFetcher fetcher;
    private final IngestProperties settings;

    public Ingestor(Path landingDir, Collection<String> datasets, Clock clock) {
        this(landingDir, datasets, clock, List.of(), System::getenv);
    }

    /** With partner sources from config/partners.yml; {@code env} supplies bearer tokens (System::getenv). */
    public Ingestor(Path landingDir, Collection<String> datasets, Clock clock, List<PartnerSource> sources,
                    Function<String, String> env) {
        this(landingDir, datasets, clock, sources, env, IngestProperties.UNLIMITED, HttpFetcher.Transport.DEFAULT);
    }

    public Ingestor(Path landingDir, Collection<String> datasets, Clock clock, List<PartnerSource> sources,
                    Function<String, String> env, IngestProperties settings, HttpFetcher.Transport transport) {
        this(Location.of(landingDir), landingDir, datasets, clock, sources, env, settings, transport);
    }

    /**
     * Lands into {@code zone} on any store. {@code work} is a folder on the driver's disk for the copies made (and
     * hashed) before they are landed and for the HTTP sources' cache, used only when the zone is not local (a local
     * zone keeps them inside itself, as always).
     */
    public Ingestor(Location zone, Path work, Collection<String> datasets, Clock clock, List<PartnerSource> sources,
                    Function<String, String> env, IngestProperties settings, HttpFetcher.Transport transport) {
        this.zone = zone;
        this.localZone = zone.local().orElse(null);
        this.work = localZone != null ? localZone : work.toAbsolutePath().normalize();
        this.manifest = new LandingManifest(zone);
        this.datasets = datasets;
        this.clock = clock;
        this.sources = sources;
        this.settings = settings;
        this.fetcher = new HttpFetcher(this.work.resolve("_http"), env, settings.effectiveMaxFileBytes(), transport);
    }

    public LandingManifest manifest() { return manifest; }

    /** One ingest's working state. */
    private final class Run {
        final Path input;
        final String runId;
        final List<LandedFile> all;
        final Map<String, LandedFile> latestByName = new HashMap<>();
        final List<LandedFile> landed = new ArrayList<>();
        final List<LandedFile> present = new ArrayList<>();
        final List<IngestFinding> findings = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final Map<String, ReceiptLog> receipts = new HashMap<>();
        int seen;

        Run(Path input, String runId, List<LandedFile> all) {
            this.input = input;
            this.runId = runId;
            this.all = new ArrayList<>(all);
            for (LandedFile f : all) {
                latestByName.merge(f.nameKey(), f, (a, b) ->
                        LandingManifest.arrival(b).compareTo(LandingManifest.arrival(a)) >= 0 ? b : a);
            }
        }

        ReceiptLog receipts(String partner) {
            if (LandedFile.REFERENCE.equals(partner)) return null;
            return receipts.computeIfAbsent(partner, p -> ReceiptLog.read(receiptsDir(input), p, problems));
        }
    }

    public IngestResult ingest(Path input, String runId) throws IOException {
        if (!Files.isDirectory(input)) {
            throw new IOException("Input folder " + input + " does not exist; expected reference/ and inbox/ inside it");
        }
        List<String> repaired = new ArrayList<>();
        manifest.repair().ifPresent(repaired::add);
        removeIncomplete(work.resolve("_incoming"));
        if (localZone == null) zone.resolve(INCOMING).delete();
        Run run = new Run(input, runId, manifest.entries());
        run.problems.addAll(repaired);

        takeReference(run, input.resolve("reference"));
        InboxScanner.Scan scan = InboxScanner.scan(input);
        run.problems.addAll(scan.problems());
        run.findings.addAll(scan.findings());
        for (InboxScanner.Candidate c : scan.files()) {
            take(run, c.file(), c.partnerId(), c.folder(), c.source(), false, c.partnerRoot());
        }
        for (PartnerSource s : sources) {
            if (s.kind() != PartnerSource.Kind.HTTP) continue;
            HttpFetcher.Fetched fetched = fetcher.fetch(s);
            for (HttpFetcher.Failure f : fetched.failures()) {
                log.warn("Partner {} source failed: {}", s.partnerId(), f.message());
                run.findings.add(IngestFinding.of(s.partnerId(), f.url(), null, IngestRule.SOURCE_FAILED,
                        "source failed: " + f.message()));
            }
            for (Map.Entry<Path, String> f : fetched.files().entrySet()) {
                take(run, f.getKey(), s.partnerId(), null, f.getValue(), false, null);
            }
        }
        noteSuperseded(run);

        List<String> problems = new ArrayList<>(run.problems);
        run.findings.forEach(f -> problems.add(f.problem()));
        log.info("Ingest: {} new file(s) landed, {} already ingested, {} problem(s)", run.landed.size(), run.seen,
                problems.size());
        return new IngestResult(List.copyOf(run.landed), run.seen, List.copyOf(problems), List.copyOf(run.findings));
    }

    /** Agency reference data: links are the agency's own and are followed, but only regular files are opened. */
    private void takeReference(Run run, Path reference) throws IOException {
        if (!Files.isDirectory(reference)) return;
        List<Path> entries;
        try (Stream<Path> s = Files.list(reference)) {
            entries = s.sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Path f : entries) {
            String name = f.getFileName().toString();
            if (DatasetNaming.isMetadata(name) || Files.isDirectory(f)) continue;
            if (!Files.isRegularFile(f)) {
                run.problems.add("reference/" + Names.printable(name) + " is not a regular file; it was not read");
                continue;
            }
            take(run, f, LandedFile.REFERENCE, null, run.input.relativize(f).toString(), true, null);
        }
    }

    private void take(Run run, Path file, String partner, String folder, String source, boolean followLinks,
                      Path partnerRoot) throws IOException {
        String name = file.getFileName().toString();
        if (DatasetNaming.isMetadata(name)) return;
        String dataset = DatasetNaming.datasetOf(folder, name, datasets).orElse(null);
        String format = DatasetNaming.formatOf(name).orElse(null);
        if (partnerRoot != null && !insideRoot(file, partnerRoot)) {
            run.findings.add(IngestFinding.of(partner, source, dataset, IngestRule.OUTSIDE_INBOX,
                    source + " resolves to a place outside the partner's folder; it was not read."));
            return;
        }
        Path tmp = work.resolve(INCOMING).resolve(UUID.randomUUID() + ".part");
        LandingCopy.Result copy;
        try {
            copy = LandingCopy.copy(file, Names.printable(source), followLinks, tmp, settings.effectiveMaxFileBytes());
        } catch (LandingCopy.LandingZoneException e) {
            throw e;
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            run.findings.add(IngestFinding.of(partner, source, dataset, IngestRule.NOT_READ,
                    source + " could not be read: " + e));
            return;
        }
        if (copy.refused()) {
            run.findings.add(IngestFinding.of(partner, source, dataset, copy.refusedRule(), copy.refusedMessage()));
            return;
        }
        if (dataset == null) {
            run.findings.add(IngestFinding.of(partner, source, null, IngestRule.UNKNOWN_DATASET,
                    source + ": the file name does not start with a dataset name (" + String.join(", ", datasets)
                            + ") and its folder is not one; it was kept but not validated."));
        }
        if (format == null) {
            run.findings.add(IngestFinding.of(partner, source, dataset, IngestRule.UNSUPPORTED_TYPE,
                    source + ": unsupported file type (accepted: .csv, .jsonl, .parquet, .xlsx); it was kept but "
                            + "not validated."));
        }
        String key = LandedFile.nameKey(partner, dataset, folder, name);
        LandedFile latest = run.latestByName.get(key);
        if (latest != null && latest.sha256().equals(copy.sha256())) {
            Files.deleteIfExists(copy.copy());
            run.seen++;
            run.present.add(latest);
            return;
        }
        String rel = Path.of(safeSegment(partner), copy.sha256(), DatasetNaming.safeFileName(name)).toString()
                .replace('\\', '/');
        if (localZone != null) {
            Path target = localZone.resolve(rel);
            try {
                if (Files.exists(target)) {
                    // The same bytes under the same name were landed before (A, then B, then A again): one copy is kept.
                    Files.delete(copy.copy());
                } else {
                    Files.createDirectories(target.getParent());
                    Files.move(copy.copy(), target, StandardCopyOption.ATOMIC_MOVE);
                    Durable.fsyncDirectory(target.getParent());
                    Durable.fsyncDirectory(target.getParent().getParent());
                }
            } catch (IOException e) {
                throw new LandingCopy.LandingZoneException(target, e);
            }
        } else {
            Location target = zone.resolve(rel);
            try {
                if (!target.exists()) land(copy.copy(), target);
                Files.delete(copy.copy());
            } catch (IOException e) {
                Files.deleteIfExists(copy.copy());
                throw new LandingCopy.LandingZoneException(target.uri(), e);
            }
        }
        Instant arrived = clock.instant();
        ReceiptLog receipts = run.receipts(partner);
        Instant received = receipts == null ? arrived : receipts.receivedAt(name, copy.sha256(), arrived);
        LandedFile entry = new LandedFile(copy.sha256(), copy.size(), partner, dataset, format, name, source,
                rel, arrived.toString(), received.toString(), run.runId);
        manifest.append(entry);
        run.latestByName.put(key, entry);
        run.all.add(entry);
        run.landed.add(entry);
        run.present.add(entry);
    }

    /**
     * Puts a complete local copy at {@code target} on a store that is not the local disk, so that the file appears
     * whole or not at all: where output becomes visible only when complete (object stores: one PUT), written in
     * place; elsewhere (HDFS) written under {@code _incoming/} and renamed, the rename being atomic there.
     */
    private void land(Path copy, Location target) throws IOException {
        FileSystem fs = target.fs();
        org.apache.hadoop.fs.Path to = target.path();
        fs.mkdirs(to.getParent());
        if (fs.hasPathCapability(to.getParent(), CommonPathCapabilities.ABORTABLE_STREAM)) {
            try (OutputStream out = fs.create(to, false)) {
                Files.copy(copy, out);
            }
            return;
        }
        org.apache.hadoop.fs.Path tmp = zone.resolve(INCOMING, UUID.randomUUID() + ".part").path();
        fs.mkdirs(tmp.getParent());
        try (OutputStream out = fs.create(tmp, false)) {
            Files.copy(copy, out);
        }
        if (!fs.rename(tmp, to)) {
            fs.delete(tmp, false);
            throw new IOException("cannot rename " + tmp + " to " + to);
        }
    }

    /** Copies a crashed run left half-done: never listed in the manifest, so nothing refers to them. */
    private static void removeIncomplete(Path incoming) throws IOException {
        if (!Files.isDirectory(incoming)) return;
        try (Stream<Path> s = Files.list(incoming)) {
            for (Path p : s.toList()) Files.deleteIfExists(p);
        }
    }

    /** Files present now that another file of the same submission replaces: the partner is told which won. */
    private static void noteSuperseded(Run run) {
        Map<String, LandedFile> active = new LinkedHashMap<>();
        for (LandedFile f : LandingManifest.activeSet(run.all)) active.put(f.replacementKey(), f);
        for (LandedFile f : run.present) {
            if (f.dataset() == null || f.format() == null) continue;
            LandedFile winner = active.get(f.replacementKey());
            if (winner == null || winner.equals(f) || winner.nameKey().equals(f.nameKey())) continue;
            run.findings.add(IngestFinding.of(f.partnerId(), f.source(), f.dataset(), IngestRule.SUPERSEDED,
                    f.source() + " is replaced by " + winner.source() + " (same partner, dataset and name without "
                            + "extension, received later); only " + winner.source() + " is validated."));
        }
    }

    /** The file's folder, resolved through every link, is the partner's folder or inside it. */
    private static boolean insideRoot(Path file, Path root) {
        try {
            Path parent = file.toAbsolutePath().getParent().toRealPath();
            return parent.resolve(file.getFileName()).startsWith(root);
        } catch (IOException e) {
            return false;
        }
    }

    private Path receiptsDir(Path input) {
        String dir = settings.receiptsDir();
        return dir == null || dir.isBlank() ? input.resolve("receipts") : Path.of(dir);
    }

    private static String safeSegment(String partner) {
        return LandedFile.REFERENCE.equals(partner) ? partner : DatasetNaming.safeFileName(partner);
    }
}
