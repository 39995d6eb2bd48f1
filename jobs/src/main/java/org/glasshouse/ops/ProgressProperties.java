package org.glasshouse.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code glasshouse.progress.*}: progress lines of long steps. Defaults are in config/application.yml.
 *
 * @param after    a step reports progress once it has run this long
 * @param interval and then at most once per this interval
 */
@ConfigurationProperties(prefix = "glasshouse.progress")
public record ProgressProperties(Duration after, Duration interval) {

    public ProgressProperties {
        if (after == null || after.isNegative()) after = Duration.ZERO;
        if (interval == null || interval.compareTo(Duration.ofMillis(100)) < 0) interval = Duration.ofMillis(100);
    }
}
