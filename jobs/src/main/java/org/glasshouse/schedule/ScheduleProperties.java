package org.glasshouse.schedule;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;

/**
 * {@code glasshouse.schedule.*}: when {@code glasshouse schedule} fires the nightly and how it treats a failed run.
 * Defaults are in config/application.yml.
 *
 * @param cron        Spring cron expression (second minute hour day-of-month month day-of-week); a five-field Unix
 *                    expression is accepted too and fires at second 0
 * @param zone        time zone the expression is read in, and whose date is a scheduled run's as-of date; empty:
 *                    the machine's zone
 * @param maxRestarts how many times one failed run is restarted automatically when its failure was transient
 * @param stopGrace   after SIGTERM, how long the step in progress may run on before its Spark jobs are cancelled
 */
@ConfigurationProperties(prefix = "glasshouse.schedule")
public record ScheduleProperties(String cron, String zone, int maxRestarts, Duration stopGrace) {

    public ScheduleProperties {
        if (cron == null || cron.isBlank()) throw new IllegalArgumentException("glasshouse.schedule.cron is empty");
        cronExpression(cron); // fail at start-up, naming the setting, rather than at the first fire
        if (maxRestarts < 0) throw new IllegalArgumentException("glasshouse.schedule.max-restarts must be >= 0");
        if (stopGrace == null || stopGrace.isNegative()) stopGrace = Duration.ZERO;
    }

    public ZoneId zoneId() {
        return zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone.trim());
    }

    public CronExpression cronExpression() {
        return cronExpression(cron);
    }

    static CronExpression cronExpression(String cron) {
        String c = cron.trim();
        if (c.split("\\s+").length == 5) c = "0 " + c;
        try {
            return CronExpression.parse(c);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("glasshouse.schedule.cron '" + cron + "' is not a cron expression: "
                    + e.getMessage(), e);
        }
    }
}
