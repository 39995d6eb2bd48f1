package org.glasshouse.nightly;

import java.nio.file.Path;
import org.glasshouse.storage.Location;

/**
 * The folder layout under OUT. Everything under private/ is never published; site is the public entry point
 * (a symbolic link to the current release under releases/). The metric history may live on another store
 * ({@code historyStore}: glasshouse.storage.history-uri), the landing zone ({@code landingStore}: landing-uri) and the
 * curated data ({@code curatedStore}: curated-uri) too; null = under OUT.
 */
public record RunPaths(Path out, String runId, Location historyStore, Location landingStore, Location curatedStore) {

    public RunPaths {
        out = out.toAbsolutePath().normalize();
    }

    public RunPaths(Path out, String runId) {
        this(out, runId, null, null, null);
    }

    public RunPaths(Path out, String runId, Location historyStore) {
        this(out, runId, historyStore, null, null);
    }

    /** Another run of the same output folder and stores. */
    public RunPaths forRun(String otherRunId) {
        return new RunPaths(out, otherRunId, historyStore, landingStore, curatedStore);
    }

    public Path privateDir() { return out.resolve("private"); }
    public Path runsDir() { return privateDir().resolve("runs"); }
    public Path runDir() { return runsDir().resolve(runId); }
    public Path inputsFile() { return runDir().resolve("inputs.json"); }
    public Path accountingFile() { return runDir().resolve("accounting.json"); }
    public Path summaryFile() { return runDir().resolve("summary.json"); }
    /** Accepted rows of one dataset, on the curated store (default: OUT/private/runs/<id>/curated/<dataset>). */
    public Location curated(String dataset) { return runData().resolve("curated", dataset); }
    public Location quarantine(String dataset) { return runData().resolve("quarantine", dataset); }
    public Location findingsDir() { return runData().resolve("findings"); }
    /** Validation results per landed file, reused by later runs while the file and what it was checked against hold. */
    public Location validated() { return curatedRoot().resolve("validated"); }
    /** Partner feedback: private, one folder per partner. */
    public Path feedbackDir() { return privateDir().resolve("feedback").resolve(runId); }
    /** The landing zone on whichever store holds it (landed copies and the manifest). */
    public Location landingZone() {
        return landingStore != null ? landingStore : Location.of(privateDir().resolve("landing"));
    }

    /** The root of the curated data on whichever store holds it: runs/<id>/{curated,quarantine,findings}, validated/. */
    public Location curatedRoot() {
        return curatedStore != null ? curatedStore : Location.of(privateDir());
    }

    /** This run's curated data: curated/, quarantine/ and findings/ (one folder per dataset in each). */
    public Location runData() {
        return curatedRoot().resolve("runs", runId);
    }

    /** The metric history on whichever store holds it. */
    public Location history() {
        return historyStore != null ? historyStore : Location.of(privateDir().resolve("metrics"));
    }
    public Path staging() { return runDir().resolve("site-staging"); }
    public Path releases() { return out.resolve("releases"); }
    public Path site() { return out.resolve("site"); }
    public Path lockFile() { return privateDir().resolve("glasshouse.lock"); }

    /** Where one metric table's rows for one as-of date and run live; Spark reads as_of and run_id back as columns. */
    public Location metricPartition(String table, String asOf) {
        return history().resolve(table, "as_of=" + asOf, "run_id=" + runId);
    }
}
