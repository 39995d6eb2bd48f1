package org.glasshouse.testing;

import org.apache.spark.sql.SparkSession;

/** One local SparkSession for the whole test JVM (SparkSession.getOrCreate would hand the same one out anyway). */
public final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {}

    public static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("glasshouse-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
                    .config("spark.hadoop.fs.file.impl", org.glasshouse.spark.NioLocalFileSystem.class.getName())
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
