package org.glasshouse.storage;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.glasshouse.spark.NioLocalFileSystem;
import org.glasshouse.spark.SparkSessionProvider;
import org.springframework.stereotype.Component;

/**
 * The Hadoop configuration the driver's own I/O uses for every store ({@link Location}): Hadoop's defaults plus
 * {@code glasshouse.storage.hadoop}. The same entries are set on the SparkSession's hadoopConfiguration when the
 * session starts, so Spark's readers and writers and the driver see the stores alike. Executors never read this
 * holder: they get the configuration through a broadcast (Spark's {@code SerializableConfiguration}).
 */
@Component
public final class HadoopStores {

    private static volatile Configuration current = base();
    private static volatile String historyUri = "";
    private static volatile String curatedUri = "";

    public HadoopStores(StorageProperties storage, SparkSessionProvider spark) {
        configure(storage.hadoop());
        historyUri = storage.historyUri();
        curatedUri = storage.curatedUri();
        spark.whenStarted(s -> storage.hadoop().forEach(s.sparkContext().hadoopConfiguration()::set));
    }

    /** Replaces the process's store settings (the application does this once at start). */
    public static void configure(Map<String, String> entries) {
        Configuration conf = base();
        entries.forEach(conf::set);
        current = conf;
    }

    /**
     * Hadoop's defaults with file: served by {@link NioLocalFileSystem}, as the SparkSession has it: Hadoop caches
     * one FileSystem per scheme for the whole process, so whichever of the driver or Spark asks first decides the
     * class both get.
     */
    private static Configuration base() {
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", NioLocalFileSystem.class.getName());
        return conf;
    }

    /**
     * The metric history store the settings name, or null for the folder under OUT: what the analysts' views
     * (sql, serve) read; a nightly takes it from its job parameters instead.
     */
    public static Location historyStore() {
        return historyUri.isEmpty() ? null : Location.of(historyUri);
    }

    /** The curated data store the settings name, or null for OUT/private: what sql and serve read. */
    public static Location curatedStore() {
        return curatedUri.isEmpty() ? null : Location.of(curatedUri);
    }

    public static Configuration conf() {
        return current;
    }
}
