package org.glasshouse.nightly;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.glasshouse.publish.ReleasePublisher;
import org.glasshouse.storage.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Runs a step's tasklet only when its outputs cannot be taken from an earlier run. The step's key
 * ({@link RunFingerprint}: input set, code, settings, and what the step adds) is written beside its outputs when it
 * completes; a later run whose key is equal to that of a completed run links that run's outputs into its own folder
 * (hard links: no copy, no row work) and sets the step's counters from them. A run with no new file therefore
 * validates nothing, and a new as-of date recomputes the metrics but not the validation. A restarted step starts
 * by removing whatever it had linked or written, so it always produces exactly its own outputs.
 */
public class ReusingTasklet implements Tasklet {

    /** What one kind of step produces and how its counters are restored. */
    public interface Outputs {
        /** The step's name, also the key file's name. */
        String step();

        /** What the step depends on beyond the run's inputs, code and settings (e.g. the as-of date). */
        String extra(NightlyParameters params);

        /** The files and folders the step produces in a run (local, or on the store that holds them). */
        List<Location> of(NightlyParameters params, RunPaths paths);

        /** Sets the step's counters from the reused outputs. */
        void count(StepExecution step, RunPaths paths) throws IOException;
    }

    public static final String REUSED_FROM = "reused_from";
    private static final Logger log = LoggerFactory.getLogger(ReusingTasklet.class);

    private final Tasklet delegate;
    private final Outputs outputs;
    private final RunFingerprint fingerprint;

    public ReusingTasklet(Tasklet delegate, Outputs outputs, RunFingerprint fingerprint) {
        this.delegate = delegate;
        this.outputs = outputs;
        this.fingerprint = fingerprint;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        NightlyParameters params = NightlyParameters.from(chunkContext);
        RunPaths paths = params.paths();
        Path keyFile = keyFile(paths);
        Files.deleteIfExists(keyFile);
        List<Location> mine = outputs.of(params, paths);
        for (Location p : mine) delete(p);
        String key = fingerprint.key(paths, outputs.step(), outputs.extra(params));
        OptionalLong source = earlierRunWithKey(paths, key, params);
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        if (source.isPresent()) {
            RunPaths from = paths.forRun(Long.toString(source.getAsLong()));
            NightlyParameters fromParams = params.withRunId(source.getAsLong());
            List<Location> theirs = outputs.of(fromParams, from);
            for (int i = 0; i < mine.size(); i++) link(theirs.get(i), mine.get(i));
            outputs.count(step, paths);
            step.getExecutionContext().putLong(REUSED_FROM, source.getAsLong());
            log.info("Step {}: inputs, code and settings unchanged since run {}: its outputs are reused (no row work)",
                    outputs.step(), source.getAsLong());
        } else {
            RepeatStatus status = delegate.execute(contribution, chunkContext);
            if (status != RepeatStatus.FINISHED) return status;
        }
        Files.createDirectories(keyFile.getParent());
        Files.writeString(keyFile, key + "\n");
        return RepeatStatus.FINISHED;
    }

    private Path keyFile(RunPaths paths) {
        return paths.runDir().resolve("keys").resolve(outputs.step() + ".key");
    }

    /** The latest completed run (other than this one) whose key for this step is equal and whose outputs exist. */
    private OptionalLong earlierRunWithKey(RunPaths paths, String key, NightlyParameters params) throws IOException {
        long me = Long.parseLong(paths.runId());
        for (Long id : CompletedRuns.ids(paths.runsDir()).descendingSet()) {
            if (id == me) continue;
            RunPaths other = paths.forRun(Long.toString(id));
            Path k = keyFile(other);
            if (!Files.isRegularFile(k) || !Files.readString(k).trim().equals(key)) continue;
            boolean all = true;
            for (Location o : outputs.of(params.withRunId(id), other)) all &= o.exists();
            if (all) return OptionalLong.of(id);
        }
        return OptionalLong.empty();
    }

    private static void delete(Location p) throws IOException {
        java.util.Optional<Path> local = p.local();
        if (local.isPresent()) ReleasePublisher.deleteTree(local.get());
        else p.fs().delete(p.path(), true);
    }

    /**
     * Links a file or folder tree: hard links on the local file system; on another store (HDFS, S3) a copy through
     * the store's client, as no Hadoop file system offers hard links.
     */
    static void link(Location from, Location to) throws IOException {
        java.util.Optional<Path> a = from.local();
        java.util.Optional<Path> b = to.local();
        if (a.isPresent() && b.isPresent()) {
            link(a.get(), b.get());
            return;
        }
        if (!org.apache.hadoop.fs.FileUtil.copy(from.fs(), from.path(), to.fs(), to.path(), false, true,
                Location.conf())) {
            throw new IOException("cannot copy " + from + " to " + to);
        }
    }

    /** Hard-links a file or every file of a folder tree (copies where the file system cannot link). */
    static void link(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            try (Stream<Path> s = Files.walk(from)) {
                for (Path f : s.toList()) {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) Files.createDirectories(target);
                    else linkFile(f, target);
                }
            }
        } else {
            Files.createDirectories(to.getParent());
            linkFile(from, to);
        }
    }

    private static void linkFile(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to);
        }
    }
}
