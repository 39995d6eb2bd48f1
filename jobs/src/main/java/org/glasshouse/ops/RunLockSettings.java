package org.glasshouse.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code glasshouse.run-lock.*}: which run lock guards a run (defaults in config/application.yml; docs/operations.md
 * "Runs in progress: locks").
 *
 * @param mode      {@code file}: the OS file lock under OUT/private only; {@code database}: also the lock row in the
 *                  job repository (GLASSHOUSE_RUN_LOCK); {@code auto}: the database lock when the job repository is
 *                  not an H2 database of this machine (PostgreSQL) or any glasshouse.storage URI is not {@code file:}
 * @param ttl       how long a database lock outlives its holder's last heartbeat; after it, the lock can be taken
 *                  and the holder's run counts as dead
 * @param heartbeat how often the holder renews its lock; well under the ttl
 */
@ConfigurationProperties(prefix = "glasshouse.run-lock")
public record RunLockSettings(Mode mode, Duration ttl, Duration heartbeat) {

    public enum Mode { AUTO, FILE, DATABASE }

    public RunLockSettings {
        if (mode == null || ttl == null || heartbeat == null) {
            throw new IllegalArgumentException("glasshouse.run-lock.mode, .ttl and .heartbeat must be set "
                    + "(config/application.yml)");
        }
        if (heartbeat.isZero() || heartbeat.isNegative() || heartbeat.compareTo(ttl) >= 0) {
            throw new IllegalArgumentException("glasshouse.run-lock.heartbeat (" + heartbeat + ") must be positive and "
                    + "shorter than glasshouse.run-lock.ttl (" + ttl + ")");
        }
    }
}
