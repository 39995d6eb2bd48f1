package org.glasshouse.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.support.CronExpression;

/**
 * When the next nightly fires: the cron expression's next time after the previous one was due. A run still going
 * when the next time falls due is never doubled (the scheduler has one thread and asks this trigger only after a
 * run ends); the due run starts as soon as the slow one ends instead, once however many due times were missed, and
 * the log says how late. Spring's own CronTrigger would silently skip to the next time after the slow run ended.
 */
public final class NightlyTrigger implements Trigger {

    private static final Logger log = LoggerFactory.getLogger(NightlyTrigger.class);

    private final CronExpression cron;
    private final ZoneId zone;
    private final Clock clock;
    private final AtomicReference<Instant> next = new AtomicReference<>();

    public NightlyTrigger(CronExpression cron, ZoneId zone, Clock clock) {
        this.cron = cron;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public Instant nextExecution(TriggerContext context) {
        Instant now = clock.instant();
        Instant lastDue = context.lastScheduledExecution();
        Instant lastEnded = context.lastCompletion();
        ZonedDateTime due = cron.next((lastDue == null ? now : lastDue).atZone(zone));
        if (due == null) {
            log.warn("The cron expression '{}' has no further time; the scheduler will not run the nightly again", cron);
            next.set(null);
            return null;
        }
        if (lastEnded != null && due.toInstant().isBefore(lastEnded)) {
            int missed = 0;
            for (ZonedDateTime t = cron.next(due); t != null && t.toInstant().isBefore(lastEnded); t = cron.next(t)) {
                missed++;
            }
            Instant start = lastEnded.isAfter(now) ? lastEnded : now;
            log.warn("The nightly due at {} fell due while the previous run was still going (it ended at {}): "
                            + "starting it now, {} late{}", due, lastEnded.atZone(zone).withNano(0),
                    human(Duration.between(due.toInstant(), start)),
                    missed == 0 ? "" : "; " + missed + " later due time(s) passed during that run and are covered by this one");
            next.set(start);
            return start;
        }
        log.info("Next nightly run at {} (in {})", due, human(Duration.between(now, due.toInstant())));
        next.set(due.toInstant());
        return due.toInstant();
    }

    /** When the next run is due, as last computed; null before the first computation or when there is none. */
    public Instant nextRun() {
        return next.get();
    }

    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) return s + " s";
        if (s < 7200) return (s / 60) + " min " + (s % 60) + " s";
        return (s / 3600) + " h " + ((s % 3600) / 60) + " min";
    }
}
