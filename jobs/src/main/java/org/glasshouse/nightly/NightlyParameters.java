package org.glasshouse.nightly;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * The nightly job's parameters. All are identifying, and run.id makes every launch a new job instance; a restart
 * reuses the failed instance's parameters, so it resumes the same run folder.
 */
public record NightlyParameters(Path input, Path out, LocalDate asOf, long runId) {

    public static final String INPUT = "input";
    public static final String OUT = "out";
    public static final String AS_OF = "as_of";
    public static final String RUN_ID = "run.id";

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString(INPUT, input.toAbsolutePath().normalize().toString())
                .addString(OUT, out.toAbsolutePath().normalize().toString())
                .addString(AS_OF, asOf.toString())
                .addLong(RUN_ID, runId)
                .toJobParameters();
    }

    public static NightlyParameters from(JobParameters p) {
        return new NightlyParameters(Path.of(p.getString(INPUT)), Path.of(p.getString(OUT)),
                LocalDate.parse(p.getString(AS_OF)), p.getLong(RUN_ID));
    }

    public static NightlyParameters from(ChunkContext context) {
        Map<String, Object> p = context.getStepContext().getJobParameters();
        return new NightlyParameters(Path.of((String) p.get(INPUT)), Path.of((String) p.get(OUT)),
                LocalDate.parse((String) p.get(AS_OF)), ((Number) p.get(RUN_ID)).longValue());
    }

    public String runIdText() {
        return Long.toString(runId);
    }

    /** The release this run publishes: its as-of date and run, so two runs never share a release folder. */
    public String releaseId() {
        return asOf + "-run" + runId;
    }

    public RunPaths paths() {
        return new RunPaths(out, runIdText());
    }
}
