package org.glasshouse.spark;

import java.util.List;

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

    public SparkSessionProvider(GlasshouseProperties.Spark settings) {
        this.settings = settings;
    }

    public SparkSession session() {
        SparkSession s = session;
        if (s == null) {
            List<java.util.function.Consumer<SparkSession>> run;
            synchronized (this) {
                if (session == null) {
                    owned = SparkSession.getDefaultSession().isEmpty();
                    session = build(settings);
                }
                s = session;
                run = new java.util.ArrayList<>(onStart);
                onStart.clear();
            }
            run.forEach(c -> c.accept(session));
        }
        return s;
    }

    /** Callbacks for when the session starts; a step that needs no Spark (its outputs reused) starts none. */
    private final List<java.util.function.Consumer<SparkSession>> onStart = new java.util.ArrayList<>();

    /** Runs {@code c} on the session now if it has started, else as soon as it starts. */
    public void whenStarted(java.util.function.Consumer<SparkSession> c) {
        SparkSession s;
        synchronized (this) {
            s = session;
            if (s == null) {
                onStart.add(c);
                return;
            }
        }
        c.accept(s);
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
