package org.glasshouse.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;

/**
 * How old the published site may get under a schedule: the longest gap between two consecutive scheduled runs
 * over the next few (a weekday-only schedule has a three-day gap at weekends), plus a grace for the run itself.
 * A daily schedule with a 2 h grace allows 26 h.
 */
public final class SiteAgeLimit {

    private static final int LOOKAHEAD = 14;

    private SiteAgeLimit() {}

    public static Duration of(CronExpression cron, ZoneId zone, Duration grace, Instant from) {
        Duration longest = Duration.ZERO;
        ZonedDateTime a = cron.next(from.atZone(zone));
        for (int i = 0; a != null && i < LOOKAHEAD; i++) {
            ZonedDateTime b = cron.next(a);
            if (b == null) break;
            Duration gap = Duration.between(a, b);
            if (gap.compareTo(longest) > 0) longest = gap;
            a = b;
        }
        return longest.plus(grace);
    }
}
