package org.glasshouse.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * One real HDFS per test JVM (Hadoop's MiniDFSCluster: a NameNode and one DataNode in this process, on 127.0.0.1
 * ephemeral ports), started on first use and stopped when the JVM exits, like {@link SharedSpark}. Tuned for a small
 * test: one replica, a file closes once its last block is committed (not after the DataNode's next report), short
 * heartbeats and no retry back-off when a block is added.
 */
public final class MiniHdfs {

    private static MiniDFSCluster cluster;
    private static long startMillis;

    private MiniHdfs() {}

    public static synchronized MiniDFSCluster get() {
        if (cluster == null) {
            try {
                Path base = Files.createTempDirectory("glasshouse-minidfs");
                Configuration conf = new Configuration();
                conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
                conf.setInt("dfs.replication", 1);
                conf.setInt("dfs.namenode.file.close.num-committed-allowed", 1);
                conf.setInt("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", 10);
                conf.setInt("dfs.heartbeat.interval", 1);
                conf.setInt("dfs.namenode.heartbeat.recheck-interval", 1000);
                long t0 = System.nanoTime();
                MiniDFSCluster c = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
                c.waitActive();
                startMillis = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("MiniHdfs: MiniDFSCluster (1 datanode) started in %d ms at %s%n", startMillis,
                        c.getURI());
                cluster = c;
                // Hadoop caches one client per scheme, host and user for the whole JVM, and the first caller's
                // configuration sticks. Made here with the settings above, so a Location or Spark asking later with
                // Hadoop's defaults gets it too: with the default 400 ms initial back-off, closing each new file
                // waited about 250 ms for the block report (40 s to copy the sample input, 170 files, measured).
                c.getFileSystem();
                Runtime.getRuntime().addShutdownHook(new Thread(c::shutdown, "minidfs-shutdown"));
            } catch (IOException e) {
                throw new IllegalStateException("MiniDFSCluster did not start", e);
            }
        }
        return cluster;
    }

    /**
     * The client setting for another JVM (a spark-submit driver and its executors) writing here, as a nightly's
     * option: the first retry of closing a file after 10 ms instead of Hadoop's 400 ms (see {@link #get()}).
     */
    public static String fastCloseOption() {
        return "--glasshouse.storage.hadoop.[dfs.client.block.write.locateFollowingBlock.initial.delay.ms]=10";
    }

    /** hdfs://127.0.0.1:PORT */
    public static String uri() {
        return get().getURI().toString();
    }

    public static FileSystem fs() {
        try {
            return get().getFileSystem();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
