package org.glasshouse.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.glasshouse.ops.SiteAgeLimit;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.SimpleTriggerContext;

class NightlyTriggerTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static NightlyTrigger trigger(String cron, ZoneId zone, Instant now) {
        return new NightlyTrigger(ScheduleProperties.cronExpression(cron), zone, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void firstRunIsTheNextDueTimeInTheScheduleTimeZone() {
        // 02:15 in London is 01:15 UTC in summer (BST) and 02:15 UTC in winter.
        Instant summer = Instant.parse("2026-07-01T12:00:00Z");
        assertThat(trigger("0 15 2 * * *", LONDON, summer).nextExecution(new SimpleTriggerContext()))
                .isEqualTo(Instant.parse("2026-07-02T01:15:00Z"));
        Instant winter = Instant.parse("2026-12-01T12:00:00Z");
        assertThat(trigger("0 15 2 * * *", LONDON, winter).nextExecution(new SimpleTriggerContext()))
                .isEqualTo(Instant.parse("2026-12-02T02:15:00Z"));
    }

    @Test
    void aFiveFieldUnixExpressionFiresAtSecondZero() {
        Instant now = Instant.parse("2026-12-01T12:00:30Z");
        assertThat(trigger("15 2 * * *", ZoneOffset.UTC, now).nextExecution(new SimpleTriggerContext()))
                .isEqualTo(Instant.parse("2026-12-02T02:15:00Z"));
    }

    @Test
    void aRunThatEndsBeforeTheNextDueTimeWaitsForIt() {
        Instant due = Instant.parse("2026-12-01T02:15:00Z");
        Instant ended = Instant.parse("2026-12-01T02:40:00Z");
        var ctx = new SimpleTriggerContext(due, due, ended);
        assertThat(trigger("0 15 2 * * *", ZoneOffset.UTC, ended).nextExecution(ctx))
                .isEqualTo(Instant.parse("2026-12-02T02:15:00Z"));
    }

    @Test
    void aSlowRunDelaysTheNextOnceInsteadOfDoublingOrSkippingIt() {
        Instant due = Instant.parse("2026-12-01T02:15:00Z");
        Instant ended = Instant.parse("2026-12-03T03:00:00Z"); // ran past two due times
        var ctx = new SimpleTriggerContext(due, due, ended);
        NightlyTrigger t = trigger("0 15 2 * * *", ZoneOffset.UTC, ended);
        Instant next = t.nextExecution(ctx);
        assertThat(next).isEqualTo(ended);   // starts now, late
        assertThat(t.nextRun()).isEqualTo(ended);
        // ... and the one after goes back to the schedule, not to the due times that passed.
        var after = new SimpleTriggerContext(next, next, next.plusSeconds(600));
        assertThat(t.nextExecution(after)).isEqualTo(Instant.parse("2026-12-04T02:15:00Z"));
    }

    @Test
    void badExpressionsAreRefusedAtStartUpNamingTheSetting() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new ScheduleProperties("0 61 2 * * *", "", 2, Duration.ofMinutes(1)))
                .hasMessageContaining("glasshouse.schedule.cron '0 61 2 * * *'");
    }

    @Test
    void theSiteMayBeAsOldAsTheLongestGapBetweenRunsPlusGrace() {
        Instant monday = Instant.parse("2026-11-30T12:00:00Z");
        assertThat(SiteAgeLimit.of(ScheduleProperties.cronExpression("0 15 2 * * *"), ZoneOffset.UTC,
                Duration.ofHours(2), monday)).isEqualTo(Duration.ofHours(26));
        // Weekdays only: Friday to Monday is the longest gap.
        assertThat(SiteAgeLimit.of(ScheduleProperties.cronExpression("0 15 2 * * MON-FRI"), ZoneOffset.UTC,
                Duration.ofHours(2), monday)).isEqualTo(Duration.ofHours(74));
    }
}
