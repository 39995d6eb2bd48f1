package org.glasshouse.testing;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * One S3-compatible server per test JVM: s3proxy (the S3 REST protocol, SigV4 signatures, path-style requests,
 * multipart uploads) over jclouds' in-memory {@code transient} blob store, on 127.0.0.1 and an ephemeral port, with
 * one bucket, {@value #BUCKET}. Started on first use and stopped when the JVM exits, like {@link MiniHdfs}. Clients
 * reach it through S3A (Hadoop's {@code s3a://} client, the AWS SDK v2) with {@link #hadoopSettings()}: nothing is
 * mocked on the client side. The credentials are this server's own, for tests only; they are passed in the test's
 * Hadoop configuration (command-line settings of the run), never in config/application.yml.
 */
public final class S3Server {

    public static final String BUCKET = "glasshouse";
    private static final String ACCESS_KEY = "glasshouse-test";
    private static final String SECRET_KEY = "glasshouse-test-secret";

    private static S3Proxy proxy;
    private static long startMillis;

    private S3Server() {}

    /** Starts the server on first use; fails (never skips) when it cannot start. */
    public static synchronized int port() {
        if (proxy == null) {
            long t0 = System.nanoTime();
            try {
                BlobStoreContext store = ContextBuilder.newBuilder("transient").credentials(ACCESS_KEY, SECRET_KEY)
                        .build(BlobStoreContext.class);
                S3Proxy p = S3Proxy.builder().blobStore(store.getBlobStore())
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                        .endpoint(URI.create("http://127.0.0.1:0")).build();
                p.start();
                while (!"STARTED".equals(p.getState())) {
                    if ("FAILED".equals(p.getState())) throw new IllegalStateException("s3proxy failed to start");
                    Thread.sleep(5);
                }
                store.getBlobStore().createContainerInLocation(null, BUCKET);
                startMillis = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("S3Server: s3proxy (transient in-memory store) started in %d ms on 127.0.0.1:%d%n",
                        startMillis, p.getPort());
                proxy = p;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        p.stop();
                    } catch (Exception ignored) {
                        // the JVM is exiting
                    }
                    store.close();
                }, "s3proxy-shutdown"));
            } catch (Exception e) {
                throw new IllegalStateException("s3proxy did not start", e);
            }
        }
        return proxy.getPort();
    }

    public static long startMillis() {
        port();
        return startMillis;
    }

    /** {@code s3a://glasshouse} */
    public static String bucketUri() {
        port();
        return "s3a://" + BUCKET;
    }

    /**
     * What an S3A client needs to talk to this server: its endpoint, path-style requests (no bucket host names on
     * 127.0.0.1), plain HTTP, a fixed region (no region lookup), the test credentials through S3A's simple provider,
     * and few, fast retries so that a broken server fails a test in seconds rather than minutes.
     */
    public static Map<String, String> hadoopSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("fs.s3a.endpoint", "http://127.0.0.1:" + port());
        s.put("fs.s3a.endpoint.region", "us-east-1");
        s.put("fs.s3a.path.style.access", "true");
        s.put("fs.s3a.connection.ssl.enabled", "false");
        s.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        s.put("fs.s3a.access.key", ACCESS_KEY);
        s.put("fs.s3a.secret.key", SECRET_KEY);
        // One DELETE per object instead of the bulk DeleteObjects request: the AWS SDK (2.30 and later) signs that with a
        // CRC32 checksum header s3proxy 2.6.0 does not implement (501 NotImplemented, "Remove S3 Dir Markers" when a
        // Spark write cleans up). The option S3A documents for third-party stores without bulk delete.
        s.put("fs.s3a.multiobjectdelete.enable", "false");
        s.put("fs.s3a.attempts.maximum", "2");
        s.put("fs.s3a.retry.limit", "2");
        s.put("fs.s3a.retry.interval", "100ms");
        s.put("fs.s3a.retry.throttle.limit", "2");
        s.put("fs.s3a.retry.throttle.interval", "100ms");
        return s;
    }

    /** The settings as the application takes them: {@code --glasshouse.storage.hadoop.[KEY]=VALUE}. */
    public static String[] hadoopArgs() {
        return hadoopSettings().entrySet().stream()
                .map(e -> "--glasshouse.storage.hadoop.[" + e.getKey() + "]=" + e.getValue()).toArray(String[]::new);
    }

    /** A Hadoop configuration with {@link #hadoopSettings()}. */
    public static Configuration conf() {
        Configuration conf = new Configuration();
        hadoopSettings().forEach(conf::set);
        return conf;
    }

    /** A new S3A client of the bucket (the caller closes it); prints how long the first one took. */
    public static FileSystem newFileSystem() {
        try {
            long t0 = System.nanoTime();
            FileSystem fs = FileSystem.newInstance(URI.create(bucketUri() + "/"), conf());
            System.out.printf("S3Server: S3A client ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            return fs;
        } catch (IOException e) {
            throw new IllegalStateException("no S3A client for " + bucketUri(), e);
        }
    }
}
