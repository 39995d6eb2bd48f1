package org.glasshouse.spike;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.Test;

/**
 * SPIKE (issue 12, phase 2): an in-process HDFS and an S3-compatible server on 127.0.0.1, each used through
 * Hadoop's FileSystem API the way the storage layer would use it (write, atomic rename, exclusive create, read).
 * Prints how long each takes to start. Not part of the build.
 */
class StorageSpikeTest {

    @Test
    void miniDfsClusterStartsAndServesTheFileSystemApi() throws Exception {
        Path base = Files.createTempDirectory("spike-hdfs");
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
        long t0 = System.nanoTime();
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        try {
            cluster.waitActive();
            long startMs = (System.nanoTime() - t0) / 1_000_000;
            FileSystem fs = cluster.getFileSystem();
            System.out.println("SPIKE MiniDFSCluster (1 datanode) started in " + startMs + " ms at " + fs.getUri());
            exercise(fs, new org.apache.hadoop.fs.Path("/glasshouse"));
            // HDFS rename of a file onto a new name is atomic, and create(overwrite=false) is exclusive.
            assertThat(fs.rename(new org.apache.hadoop.fs.Path("/glasshouse/a.tmp"),
                    new org.apache.hadoop.fs.Path("/glasshouse/a"))).isTrue();
        } finally {
            long t1 = System.nanoTime();
            cluster.shutdown();
            System.out.println("SPIKE MiniDFSCluster stopped in " + (System.nanoTime() - t1) / 1_000_000 + " ms");
        }
    }

    @Test
    void s3ProxyStartsAndS3aWritesThroughIt() throws Exception {
        long t0 = System.nanoTime();
        BlobStoreContext store = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(store.getBlobStore())
                .awsAuthentication(org.gaul.s3proxy.AuthenticationType.AWS_V2_OR_V4, "identity", "credential")
                .endpoint(URI.create("http://127.0.0.1:0")).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) Thread.sleep(5);
        long startMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("SPIKE s3proxy (transient store) started in " + startMs + " ms on port " + proxy.getPort());
        try {
            store.getBlobStore().createContainerInLocation(null, "glasshouse");
            Configuration conf = new Configuration();
            conf.set("fs.s3a.endpoint", "http://127.0.0.1:" + proxy.getPort());
            conf.set("fs.s3a.endpoint.region", "us-east-1");
            conf.set("fs.s3a.path.style.access", "true");
            conf.set("fs.s3a.connection.ssl.enabled", "false");
            conf.set("fs.s3a.access.key", "identity");
            conf.set("fs.s3a.secret.key", "credential");
            conf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
            long t1 = System.nanoTime();
            FileSystem fs = FileSystem.newInstance(URI.create("s3a://glasshouse/"), conf);
            System.out.println("SPIKE S3A client ready in " + (System.nanoTime() - t1) / 1_000_000 + " ms");
            exercise(fs, new org.apache.hadoop.fs.Path("s3a://glasshouse/out"));
            fs.close();
        } finally {
            proxy.stop();
        }
    }

    /** Write, read back, and probe whether create(overwrite=false) refuses an existing object. */
    private static void exercise(FileSystem fs, org.apache.hadoop.fs.Path root) throws IOException {
        org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(root, "a.tmp");
        try (FSDataOutputStream out = fs.create(tmp, false)) {
            out.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        try (var in = fs.open(tmp)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
        boolean exclusive;
        try (FSDataOutputStream out = fs.create(tmp, false)) {
            out.write("again".getBytes(StandardCharsets.UTF_8));
            exclusive = false;
        } catch (FileAlreadyExistsException e) {
            exclusive = true;
        }
        System.out.println("SPIKE " + fs.getScheme() + ": create(overwrite=false) on an existing file "
                + (exclusive ? "is refused" : "SUCCEEDS (no exclusive create)"));
    }
}
