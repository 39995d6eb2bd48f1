package org.glasshouse.cli;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.glasshouse.nightly.NightlyJobConfig;
import org.glasshouse.nightly.NightlyParameters;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code status [--out DIR] [--limit N]}: recent runs from the job repository. */
public final class StatusCommand {

    private StatusCommand() {}

    public static int run(ConfigurableApplicationContext ctx, int limit) {
        JobExplorer explorer = ctx.getBean(JobExplorer.class);
        List<JobInstance> instances = explorer.getJobInstances(NightlyJobConfig.JOB_NAME, 0, limit);
        if (instances.isEmpty()) {
            System.out.println("No runs yet.");
            return 0;
        }
        System.out.printf(Locale.ROOT, "%-6s %-6s %-10s %-10s %-20s %9s  %s%n", "run", "exec", "as_of", "status",
                "started", "seconds", "input");
        for (JobInstance i : instances) {
            List<JobExecution> execs = explorer.getJobExecutions(i);
            for (JobExecution e : execs) {
                var p = e.getJobParameters();
                double secs = e.getStartTime() == null ? 0 : Duration.between(e.getStartTime(),
                        e.getEndTime() == null ? java.time.LocalDateTime.now() : e.getEndTime()).toMillis() / 1000.0;
                System.out.printf(Locale.ROOT, "%-6s %-6d %-10s %-10s %-20s %9.1f  %s%n",
                        p.getLong(NightlyParameters.RUN_ID), e.getId(), p.getString(NightlyParameters.AS_OF),
                        e.getStatus(), e.getStartTime() == null ? "" : e.getStartTime().withNano(0).toString(),
                        secs, p.getString(NightlyParameters.INPUT));
            }
        }
        return 0;
    }
}
