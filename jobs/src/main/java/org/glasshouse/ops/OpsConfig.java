package org.glasshouse.ops;

import java.time.Clock;
import org.glasshouse.schedule.ScheduleProperties;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The operations beans: progress lines, metrics export, and the post-processor that attaches them to jobs. */
@Configuration
public class OpsConfig {

    @Bean(destroyMethod = "close")
    public StepProgress stepProgress(ProgressProperties settings) {
        return new StepProgress(settings);
    }

    @Bean
    public RunMetricsListener runMetricsListener(JobExplorer explorer, MonitoringProperties monitoring,
                                                 ScheduleProperties schedule) {
        Clock clock = Clock.systemUTC();
        return new RunMetricsListener(new RunFiguresCollector(explorer), monitoring.metricsFile(),
                () -> SiteAgeLimit.of(schedule.cronExpression(), schedule.zoneId(), monitoring.siteAgeGrace(),
                        clock.instant()), clock);
    }

    /** Static: a post-processor is created before other beans; its listeners are looked up when a job appears. */
    @Bean
    public static OpsInstrumentation opsInstrumentation(ObjectProvider<StepProgress> progress,
                                                        ObjectProvider<RunMetricsListener> metrics) {
        return new OpsInstrumentation(progress, metrics);
    }
}
