package org.glasshouse.storage;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code glasshouse.storage.*}: where data lives beyond the local output folder (defaults in config/application.yml,
 * documented in docs/operations.md "Storage on HDFS or S3"). Each location is a {@code file:}, {@code hdfs://} or
 * {@code s3a://} URI or a local path; empty = its folder under {@code --out}, as before.
 *
 * @param publishUri  when set, the publish step also copies each verified release to {@code <uri>/releases/<id>/}
 *                    through Hadoop's FileSystem API, verifies it by reading it back, and only then points
 *                    {@code <uri>/site.json} at it. Empty = local only.
 * @param historyUri  the metric history ({@code <table>/as_of=D/run_id=N/}). Empty = {@code OUT/private/metrics}
 * @param landingUri  the landing zone (landed copies and their manifest). Empty = {@code OUT/private/landing}
 * @param curatedUri  the curated data: {@code runs/<id>/curated|quarantine|findings/} and the per-file validation
 *                    units {@code validated/}. Empty = {@code OUT/private}
 * @param hadoop      Hadoop configuration entries for the stores (e.g. {@code fs.s3a.endpoint}); never credentials,
 *                    which come from Hadoop's own providers (environment, instance roles, Kerberos)
 */
@ConfigurationProperties(prefix = "glasshouse.storage")
public record StorageProperties(String publishUri, String historyUri, String landingUri, String curatedUri,
                                Map<String, String> hadoop) {

    public StorageProperties {
        publishUri = publishUri == null ? "" : publishUri.trim();
        historyUri = historyUri == null ? "" : historyUri.trim();
        landingUri = landingUri == null ? "" : landingUri.trim();
        curatedUri = curatedUri == null ? "" : curatedUri.trim();
        hadoop = hadoop == null ? Map.of() : Map.copyOf(hadoop);
    }

    public boolean publishes() {
        return !publishUri.isEmpty();
    }

    /** A Hadoop configuration with this store's entries (Hadoop's defaults otherwise). */
    public org.apache.hadoop.conf.Configuration hadoopConfiguration() {
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
        hadoop.forEach(conf::set);
        return conf;
    }
}
