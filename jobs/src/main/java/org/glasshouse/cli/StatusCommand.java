package org.glasshouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.glasshouse.nightly.NightlyJobConfig;
import org.glasshouse.nightly.NightlyParameters;
import org.glasshouse.nightly.RunPaths;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code status [--out DIR] [--limit N]}: recent runs from the job repository. While a run is in progress the job
 * repository is the run's (an embedded H2 file admits one process), so status reads the run folders' summaries
 * instead, says a run is in progress, and exits with 3.
 */
public final class StatusCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusCommand() {}

    public static int run(ConfigurableApplicationContext ctx, int limit) {
        JobExplorer explorer = ctx.getBean(JobExplorer.class);
        List<JobInstance> instances = explorer.getJobInstances(NightlyJobConfig.JOB_NAME, 0, limit);
        if (instances.isEmpty()) {
            System.out.println("No runs yet.");
            return 0;
        }
        header();
        for (JobInstance i : instances) {
            List<JobExecution> execs = explorer.getJobExecutions(i);
            for (JobExecution e : execs) {
                var p = e.getJobParameters();
                double secs = e.getStartTime() == null ? 0 : Duration.between(e.getStartTime(),
                        e.getEndTime() == null ? LocalDateTime.now() : e.getEndTime()).toMillis() / 1000.0;
                System.out.printf(Locale.ROOT, "%-6s %-6d %-10s %-10s %-20s %9.1f  %s%n",
                        p.getLong(NightlyParameters.RUN_ID), e.getId(), p.getString(NightlyParameters.AS_OF),
                        e.getStatus(), e.getStartTime() == null ? "" : e.getStartTime().withNano(0).toString(),
                        secs, p.getString(NightlyParameters.INPUT));
            }
        }
        return 0;
    }

    /** While a run holds the job repository: the run folders' summaries, newest first; exit code 3. */
    public static int inProgress(Path out, int limit) throws IOException {
        RunPaths base = new RunPaths(out, "0");
        System.out.println("A Glasshouse run is in progress on " + base.out() + " (process "
                + RunLock.holderPid(JobRuns.lockFile(out)) + "). The job repository is in use by it, so these "
                + "runs are read from their summaries:");
        header();
        List<Path> runs = List.of();
        if (Files.isDirectory(base.runsDir())) {
            try (Stream<Path> s = Files.list(base.runsDir())) {
                runs = s.filter(p -> p.getFileName().toString().matches("\\d+"))
                        .sorted(Comparator.comparingLong((Path p) -> Long.parseLong(p.getFileName().toString()))
                                .reversed())
                        .limit(limit).toList();
            }
        }
        boolean newest = true;
        for (Path run : runs) {
            Path summary = run.resolve("summary.json");
            String id = run.getFileName().toString();
            if (Files.isRegularFile(summary)) {
                JsonNode j = JSON.readTree(summary.toFile());
                String started = j.path("started").asText("");
                String ended = j.path("ended").asText("");
                double secs = 0;
                try {
                    secs = Duration.between(LocalDateTime.parse(started), LocalDateTime.parse(ended)).toMillis() / 1000.0;
                } catch (RuntimeException ignored) {
                    // a summary without times shows 0
                }
                System.out.printf(Locale.ROOT, "%-6s %-6s %-10s %-10s %-20s %9.1f  %s%n", id,
                        j.path("job_execution_id").asText("-"), j.path("as_of").asText(""),
                        j.path("status").asText(""), started.length() > 19 ? started.substring(0, 19) : started,
                        secs, j.path("input").asText(""));
            } else {
                System.out.printf(Locale.ROOT, "%-6s %-6s %-10s %-10s %-20s %9s  %s%n", id, "-", "",
                        newest ? "RUNNING" : "UNKNOWN", "", "", "");
            }
            newest = false;
        }
        return 3;
    }

    private static void header() {
        System.out.printf(Locale.ROOT, "%-6s %-6s %-10s %-10s %-20s %9s  %s%n", "run", "exec", "as_of", "status",
                "started", "seconds", "input");
    }
}
