package org.glasshouse.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.glasshouse.nightly.NightlyParameters;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code nightly [--input DIR] [--out DIR] [--as-of YYYY-MM-DD]}: one full run of the pipeline. */
public final class NightlyCommand {

    private NightlyCommand() {}

    public static LocalDate asOf(CliOptions o) {
        String v = o.get("as-of", null);
        if (v == null) return LocalDate.now(java.time.ZoneOffset.UTC);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new UsageException("--as-of must be a date as YYYY-MM-DD, got '" + v + "'");
        }
    }

    /** One run; the caller holds the run and repository locks ({@link JobRuns#exclusively}). */
    public static int run(ConfigurableApplicationContext ctx, Path input, Path out, LocalDate asOf) throws Exception {
        return run(ctx, input.toString(), out, asOf);
    }

    /** As above, the input a local path or a URI on a Hadoop file system (glasshouse.storage.* name the stores). */
    public static int run(ConfigurableApplicationContext ctx, String input, Path out, LocalDate asOf) throws Exception {
        JobRuns runs = new JobRuns(ctx);
        runs.recoverStale().forEach(e -> System.err.println("Marked run " + e.getJobParameters()
                .getLong(NightlyParameters.RUN_ID) + " FAILED: its process had died. Use 'restart' to resume it."));
        NightlyParameters params = NightlyParameters.of(input, out, asOf, runs.nextRunId(),
                ctx.getBean(org.glasshouse.storage.StorageProperties.class));
        JobExecution e = runs.launch(params.toJobParameters());
        return e.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
    }
}
