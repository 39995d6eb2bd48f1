package org.glasshouse.storage;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code glasshouse.storage.*}: where releases are published beyond the local folder (defaults in
 * config/application.yml, documented in docs/operations.md "Publishing to HDFS or S3").
 *
 * @param publishUri a {@code file:}, {@code hdfs://} or {@code s3a://} URI; when set, the publish step also copies
 *                   each verified release to {@code <uri>/releases/<id>/} through Hadoop's FileSystem API, verifies
 *                   it by reading it back, and only then points {@code <uri>/site.json} at it. Empty = local only.
 * @param hadoop     Hadoop configuration entries for that store (e.g. {@code fs.s3a.endpoint}); never credentials,
 *                   which come from Hadoop's own providers (environment, instance roles, Kerberos)
 */
@ConfigurationProperties(prefix = "glasshouse.storage")
public record StorageProperties(String publishUri, Map<String, String> hadoop) {

    public StorageProperties {
        publishUri = publishUri == null ? "" : publishUri.trim();
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
