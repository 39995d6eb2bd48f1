package org.glasshouse.nightly;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.glasshouse.storage.Location;
import org.glasshouse.storage.StorageProperties;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * The nightly job's parameters. All are identifying, and run.id makes every launch a new job instance; a restart
 * reuses the failed instance's parameters, so it resumes the same run folder and the same stores.
 *
 * @param input   the input folder: a local path, or a URI on a Hadoop file system ({@code hdfs://nn/inbox})
 * @param history the metric history's URI, or empty for {@code OUT/private/metrics} (glasshouse.storage.history-uri)
 * @param landing the landing zone's URI, or empty for {@code OUT/private/landing} (glasshouse.storage.landing-uri)
 * @param curated the curated data's URI, or empty for {@code OUT/private} (glasshouse.storage.curated-uri)
 */
public record NightlyParameters(String input, Path out, LocalDate asOf, long runId, String history, String landing,
                                String curated) {

    public static final String INPUT = "input";
    public static final String OUT = "out";
    public static final String AS_OF = "as_of";
    public static final String RUN_ID = "run.id";
    public static final String HISTORY = "history";
    public static final String LANDING = "landing";
    public static final String CURATED = "curated";

    public NightlyParameters {
        history = history == null ? "" : history;
        landing = landing == null ? "" : landing;
        curated = curated == null ? "" : curated;
    }

    /** Local input and output, every store under OUT. */
    public NightlyParameters(Path input, Path out, LocalDate asOf, long runId) {
        this(input.toAbsolutePath().normalize().toString(), out, asOf, runId, "", "", "");
    }

    /** The input as given (path or URI), the stores from the settings. */
    public static NightlyParameters of(String input, Path out, LocalDate asOf, long runId, StorageProperties storage) {
        return new NightlyParameters(Location.isUri(input) ? input : Path.of(input).toAbsolutePath().normalize()
                .toString(), out, asOf, runId, storage.historyUri(), storage.landingUri(), storage.curatedUri());
    }

    public JobParameters toJobParameters() {
        JobParametersBuilder b = new JobParametersBuilder()
                .addString(INPUT, input)
                .addString(OUT, out.toAbsolutePath().normalize().toString())
                .addString(AS_OF, asOf.toString())
                .addLong(RUN_ID, runId);
        // Only when set, so the parameters of a run with every store under OUT are what they always were.
        if (!history.isEmpty()) b.addString(HISTORY, history);
        if (!landing.isEmpty()) b.addString(LANDING, landing);
        if (!curated.isEmpty()) b.addString(CURATED, curated);
        return b.toJobParameters();
    }

    public static NightlyParameters from(JobParameters p) {
        return new NightlyParameters(p.getString(INPUT), Path.of(p.getString(OUT)),
                LocalDate.parse(p.getString(AS_OF)), p.getLong(RUN_ID), p.getString(HISTORY),
                p.getString(LANDING), p.getString(CURATED));
    }

    public static NightlyParameters from(ChunkContext context) {
        Map<String, Object> p = context.getStepContext().getJobParameters();
        return new NightlyParameters((String) p.get(INPUT), Path.of((String) p.get(OUT)),
                LocalDate.parse((String) p.get(AS_OF)), ((Number) p.get(RUN_ID)).longValue(), (String) p.get(HISTORY),
                (String) p.get(LANDING), (String) p.get(CURATED));
    }

    /** The same run's parameters for another run id (an earlier run whose outputs may be reused). */
    public NightlyParameters withRunId(long id) {
        return new NightlyParameters(input, out, asOf, id, history, landing, curated);
    }

    public Location inputLocation() {
        return Location.of(input);
    }

    public String runIdText() {
        return Long.toString(runId);
    }

    /** The release this run publishes: its as-of date and run, so two runs never share a release folder. */
    public String releaseId() {
        return asOf + "-run" + runId;
    }

    public RunPaths paths() {
        return new RunPaths(out, runIdText(), store(history), store(landing), store(curated));
    }

    private static Location store(String uri) {
        return uri.isEmpty() ? null : Location.of(uri);
    }
}
