package org.glasshouse.spark;

import org.apache.spark.sql.SparkSession;
import org.glasshouse.config.GlasshouseProperties;

/**
 * One SparkSession per JVM, created on first use. Steps ask for it lazily so a restarted job that skips completed
 * steps still gets a session in the step where it resumes.
 */
public final class SparkSessionProvider implements AutoCloseable {

    private final GlasshouseProperties.Spark settings;
    private volatile SparkSession session;
    /** False when a session already existed in this JVM (tests share one): then it is not ours to stop. */
    private boolean owned;
    /** Actions waiting for the session, by name: a step that never needs Spark never starts it (a rerun's steps). */
    private final java.util.Map<String, java.util.function.Consumer<SparkSession>> whenStarted =
            new java.util.LinkedHashMap<>();

    public SparkSessionProvider(GlasshouseProperties.Spark settings) {
        this.settings = settings;
    }

    public SparkSession session() {
        SparkSession s = session;
        if (s == null) {
            synchronized (this) {
                if (session == null) {
                    owned = SparkSession.getDefaultSession().isEmpty();
                    SparkSession built = build(settings);
                    whenStarted.values().forEach(a -> a.accept(built));
                    whenStarted.clear();
                    session = built;
                }
                s = session;
            }
        }
        return s;
    }

    /**
     * Runs {@code action} on the session now when it is started, else when something first asks for it; a pending
     * action of the same name is replaced. Step listeners use it so that tuning and counting never start Spark.
     */
    public synchronized void whenStarted(String name, java.util.function.Consumer<SparkSession> action) {
        if (session != null) {
            action.accept(session);
        } else {
            whenStarted.put(name, action);
        }
    }

    /** Drops a pending {@link #whenStarted} action (the step it was for has ended without Spark). */
    public synchronized void cancel(String name) {
        whenStarted.remove(name);
    }

    static SparkSession build(GlasshouseProperties.Spark settings) {
        SparkSession.Builder b = SparkSession.builder()
                .appName(settings.getAppName())
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", Integer.toString(settings.getShufflePartitions()))
                .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
                .config("spark.sql.parquet.compression.codec", "snappy")
                // Contract checks make wide plans; the default 25 fields only buys a truncation warning.
                .config("spark.sql.debug.maxToStringFields", "500")
                .config("spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName());
        // On a cluster, spark-submit sets the master; only default it when nothing else did.
        if (System.getProperty("spark.master") == null && settings.getMaster() != null && !settings.getMaster().isBlank()) {
            b.master(settings.getMaster());
        }
        settings.getConf().forEach(b::config);
        return b.getOrCreate();
    }

    @Override
    public synchronized void close() {
        if (session != null && owned) {
            session.stop();
        }
        session = null;
    }
}
