package org.glasshouse.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code glasshouse.monitoring.*}: where run figures are exported in the Prometheus text format. Defaults are in
 * config/application.yml.
 *
 * @param metricsFile  file rewritten (atomically) at the end of every run, for the node exporter's textfile
 *                     collector; empty: none
 * @param host         address the {@code schedule} mode's scrape endpoint binds
 * @param port         its port (0: any free port, printed at start-up); -1: no endpoint
 * @param siteAgeGrace how much older than the interval between two scheduled runs the published site may get
 *                     before it counts as stale
 */
@ConfigurationProperties(prefix = "glasshouse.monitoring")
public record MonitoringProperties(String metricsFile, String host, int port, Duration siteAgeGrace) {

    public MonitoringProperties {
        if (host == null || host.isBlank()) host = "127.0.0.1";
        if (siteAgeGrace == null) siteAgeGrace = Duration.ZERO;
    }
}
