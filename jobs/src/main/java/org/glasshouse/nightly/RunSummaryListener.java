package org.glasshouse.nightly;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasshouse.validate.FileAccount;
import org.glasshouse.validate.ValidationReport;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the run summary when the job ends, successfully or not. Step lines cover the whole run, including steps
 * completed by an earlier execution of a restarted run.
 */
public class RunSummaryListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunSummaryListener.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JobExplorer explorer;

    public RunSummaryListener(JobExplorer explorer) {
        this.explorer = explorer;
    }

    @Override
    public void afterJob(JobExecution job) {
        try {
            RunSummary summary = summarise(job);
            Files.createDirectories(NightlyParameters.from(job.getJobParameters()).paths().runDir());
            JSON.writerWithDefaultPrettyPrinter().writeValue(
                    NightlyParameters.from(job.getJobParameters()).paths().summaryFile().toFile(), summary);
            print(summary, System.out);
        } catch (IOException | RuntimeException e) {
            log.error("Could not write the run summary", e);
        }
    }

    public RunSummary summarise(JobExecution job) throws IOException {
        NightlyParameters params = NightlyParameters.from(job.getJobParameters());
        RunPaths paths = params.paths();
        Map<String, StepExecution> latest = new LinkedHashMap<>();
        List<JobExecution> executions = new ArrayList<>(explorer.getJobExecutions(job.getJobInstance()));
        executions.removeIf(e -> e.getId().equals(job.getId()));
        executions.add(job);
        executions.sort(Comparator.comparing(JobExecution::getId));
        for (JobExecution e : executions) {
            for (StepExecution s : e.getStepExecutions()) latest.put(s.getStepName(), s);
        }
        List<RunSummary.StepLine> steps = new ArrayList<>();
        Integer newFiles = null;
        Integer already = null;
        String release = null;
        List<String> problems = new ArrayList<>();
        for (StepExecution s : latest.values()) {
            steps.add(new RunSummary.StepLine(s.getStepName(), s.getStatus().name(), s.getJobExecutionId(),
                    millis(s.getStartTime(), s.getEndTime()), s.getReadCount(), s.getWriteCount(), s.getSkipCount()));
            var ctx = s.getExecutionContext();
            if (ctx.containsKey("new_files")) newFiles = ctx.getInt("new_files");
            if (ctx.containsKey("already_ingested")) already = ctx.getInt("already_ingested");
            if (ctx.containsKey("release")) release = ctx.getString("release");
            if (ctx.containsKey("problems") && !ctx.getString("problems").isBlank()) {
                problems.addAll(Arrays.asList(ctx.getString("problems").split("\n")));
            }
        }
        List<FileAccount> files = List.of();
        if (Files.exists(paths.accountingFile())) {
            files = JSON.readValue(paths.accountingFile().toFile(), ValidationReport.class).files();
        }
        String failure = job.getAllFailureExceptions().stream().map(Throwable::getMessage).findFirst().orElse(null);
        // A run stopped on request has no fault to attribute (its interruption is not a failure).
        String cause = job.getStatus() == org.springframework.batch.core.BatchStatus.STOPPED ? null
                : job.getAllFailureExceptions().stream().map(FailureCause::of).findFirst()
                        .map(FailureCause::label).orElse(null);
        LocalDateTime started = executions.get(0).getStartTime();
        return new RunSummary(params.runIdText(), job.getId(), job.getStatus().name(), params.asOf().toString(),
                params.input().toString(), params.out().toString(), str(started), str(job.getEndTime()),
                newFiles, already, release, steps, files,
                files.stream().mapToLong(FileAccount::read).sum(),
                files.stream().mapToLong(FileAccount::accepted).sum(),
                files.stream().mapToLong(FileAccount::quarantined).sum(), problems,
                ExitStatus.COMPLETED.getExitCode().equals(job.getExitStatus().getExitCode()) ? null : failure,
                ExitStatus.COMPLETED.getExitCode().equals(job.getExitStatus().getExitCode()) ? null : cause);
    }

    static void print(RunSummary s, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "Glasshouse nightly run %s (as of %s): %s%n", s.runId(), s.asOf(), s.status());
        if (s.newFiles() != null) {
            out.printf(Locale.ROOT, "  files: %d new, %d already ingested%n", s.newFiles(),
                    s.alreadyIngested() == null ? 0 : s.alreadyIngested());
        }
        out.printf(Locale.ROOT, "  %-10s %-10s %10s %12s %12s %12s%n", "step", "status", "seconds", "read",
                "written", "skipped");
        for (RunSummary.StepLine l : s.steps()) {
            out.printf(Locale.ROOT, "  %-10s %-10s %10.1f %12d %12d %12d%n", l.step(), l.status(),
                    l.durationMs() / 1000.0, l.read(), l.written(), l.skipped());
        }
        Map<String, long[]> byDataset = new LinkedHashMap<>();
        for (FileAccount f : s.files()) {
            long[] t = byDataset.computeIfAbsent(f.partnerId() + " " + f.dataset(), k -> new long[3]);
            t[0] += f.read();
            t[1] += f.accepted();
            t[2] += f.quarantined();
        }
        if (!byDataset.isEmpty()) {
            out.printf(Locale.ROOT, "  %-36s %10s %10s %12s%n", "partner / dataset", "read", "accepted", "quarantined");
            byDataset.forEach((k, t) -> out.printf(Locale.ROOT, "  %-36s %10d %10d %12d%n", k, t[0], t[1], t[2]));
            out.printf(Locale.ROOT, "  %-36s %10d %10d %12d%n", "total", s.rowsRead(), s.rowsAccepted(),
                    s.rowsQuarantined());
        }
        s.problems().forEach(p -> out.println("  problem: " + p));
        out.println("  partner feedback (private): " + s.out() + "/private/feedback/" + s.runId() + "/<partner_id>/");
        if (s.release() != null) out.println("  published release " + s.release() + " at " + s.out() + "/site");
        if (s.failure() != null) {
            out.println("STOPPED".equals(s.status()) ? "  STOPPED on request; 'glasshouse restart' resumes it"
                    : "  FAILED: " + s.failure());
        }
        if (s.failureCause() != null) {
            out.println("  cause: " + java.util.Arrays.stream(FailureCause.values())
                    .filter(c -> c.label().equals(s.failureCause())).findFirst()
                    .map(FailureCause::description).orElse(s.failureCause()));
        }
        out.println("  summary: " + s.out() + "/private/runs/" + s.runId() + "/summary.json");
    }

    /** Whether the run whose folder this is ended COMPLETED, by its summary.json. */
    public static boolean completed(java.nio.file.Path runDir) {
        java.nio.file.Path summary = runDir.resolve("summary.json");
        if (!Files.isRegularFile(summary)) return false;
        try {
            return "COMPLETED".equals(JSON.readTree(summary.toFile()).path("status").asText());
        } catch (IOException e) {
            return false;
        }
    }

    private static long millis(LocalDateTime a, LocalDateTime b) {
        return a == null || b == null ? 0 : Duration.between(a, b).toMillis();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
