package org.glasshouse.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FilterFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.util.Progressable;
import org.glasshouse.publish.Checksums;
import org.glasshouse.publish.ReleasePublisher;
import org.glasshouse.storage.FileSystemReleasePublisher;
import org.glasshouse.storage.SitePointer;
import org.glasshouse.storage.StorageProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing a release to a release store on a real HDFS (MiniDFSCluster, one NameNode and one DataNode in this JVM,
 * started once for the class): the copy is byte-identical to the local release, site.json names it, and a copy that
 * fails midway or does not read back intact leaves site.json on the previous release.
 */
class HdfsReleasePublishTest {

    private static final Instant T1 = Instant.parse("2026-10-01T02:30:00Z");
    private static final Instant T2 = Instant.parse("2026-10-02T02:30:00Z");

    @TempDir
    static Path out;
    static MiniDFSCluster cluster;
    static FileSystem hdfs;
    /** A real release of the hostile-inputs fixture (Parquet, CSV, PDF, charts, HTML) and a small second one. */
    static Path first;
    static Path second;
    static String firstId;
    /** A small release that is live before each failing publish of {@link #second}. */
    static Path previous;

    @BeforeAll
    static void startHdfsAndBuildTwoReleases() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, out.resolve("hdfs").toString());
        // A file's close may complete once its block is committed, without waiting for the DataNode's report: the
        // client otherwise backs off 400 ms and more per file, which made one 81-file release take 20 s.
        conf.setInt("dfs.namenode.file.close.num-committed-allowed", 1);
        long t0 = System.nanoTime();
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        System.out.printf("HdfsReleasePublishTest: MiniDFSCluster (1 datanode) started in %d ms%n",
                (System.nanoTime() - t0) / 1_000_000);
        hdfs = cluster.getFileSystem();
        first = ReleaseFixture.publish(out.resolve("local"), "1", 7);
        firstId = first.getFileName().toString();
        second = small(out.resolve("local-small"), "2026-10-01-run2");
        previous = small(out.resolve("local-previous"), "2026-09-30-run1");
    }

    @AfterAll
    static void stopHdfs() {
        if (cluster != null) cluster.shutdown();
    }

    /** A verified local release of three files, published the local way (SHA256SUMS written and checked). */
    private static Path small(Path dir, String id) throws IOException {
        Path staged = dir.resolve("staging");
        Files.createDirectories(staged.resolve("data"));
        Files.writeString(staged.resolve("index.html"), "<h1>" + id + "</h1>");
        Files.writeString(staged.resolve("data/a.csv"), "a\r\n1\r\n");
        Files.writeString(staged.resolve("data/b.csv"), "b\r\n2\r\n");
        return new ReleasePublisher(dir.resolve("releases"), dir.resolve("site")).publish(staged, id);
    }

    private static FileSystemReleasePublisher store(FileSystem fs, String root, Instant now) {
        return new FileSystemReleasePublisher(fs, new org.apache.hadoop.fs.Path(root), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Map<String, byte[]> localFiles(Path release) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(release)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                files.put(release.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        return files;
    }

    private static Map<String, byte[]> storedFiles(FileSystem fs, String folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        org.apache.hadoop.fs.Path dir = fs.makeQualified(new org.apache.hadoop.fs.Path(folder));
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
        while (it.hasNext()) {
            org.apache.hadoop.fs.Path p = it.next().getPath();
            try (InputStream in = fs.open(p)) {
                files.put(p.toUri().getPath().substring(dir.toUri().getPath().length() + 1), in.readAllBytes());
            }
        }
        return files;
    }

    private static void assertSameBytes(Map<String, byte[]> local, Map<String, byte[]> stored, String sumsHash) {
        assertThat(stored.keySet()).isEqualTo(new TreeSet<>(concat(local.keySet(), FileSystemReleasePublisher.COMPLETE)));
        local.forEach((name, bytes) -> assertThat(stored.get(name)).as(name).isEqualTo(bytes));
        assertThat(new String(stored.get(FileSystemReleasePublisher.COMPLETE))).isEqualTo(sumsHash + "\n");
    }

    private static TreeSet<String> concat(java.util.Set<String> names, String extra) {
        TreeSet<String> all = new TreeSet<>(names);
        all.add(extra);
        return all;
    }

    @Test
    void theStoredReleaseIsByteIdenticalAndThePointerNamesIt() throws Exception {
        SitePointer pointer = store(hdfs, "/published", T1).publish(first, firstId);

        Map<String, byte[]> local = localFiles(first);
        assertThat(local).containsKeys("SHA256SUMS", "index.html").hasSizeGreaterThan(20);
        assertThat(local.keySet()).anyMatch(n -> n.endsWith(".parquet")).anyMatch(n -> n.endsWith(".pdf"));
        String sumsHash = Checksums.sha256(first.resolve("SHA256SUMS"));
        assertSameBytes(local, storedFiles(hdfs, "/published/releases/" + firstId), sumsHash);

        assertThat(pointer).isEqualTo(new SitePointer(firstId, sumsHash, "2026-10-01T02:30:00Z", null));
        try (InputStream in = hdfs.open(new org.apache.hadoop.fs.Path("/published/site.json"))) {
            assertThat(SitePointer.fromJson(in.readAllBytes())).isEqualTo(pointer);
        }
        // Only the release folder and the pointer: the temporary pointer was renamed over, not left behind.
        assertThat(Stream.of(hdfs.listStatus(new org.apache.hadoop.fs.Path("/published")))
                .map(s -> s.getPath().getName())).containsExactlyInAnyOrder("releases", "site.json");

        // A restarted publish of the same release re-verifies the copy and leaves the pointer as it was.
        assertThat(store(hdfs, "/published", T2).publish(first, firstId)).isEqualTo(pointer);
    }

    @Test
    void aCopyThatFailsMidwayLeavesThePointerOnThePreviousRelease() throws Exception {
        SitePointer live = store(hdfs, "/failing", T1).publish(previous, "2026-09-30-run1");

        // The store fails on its third file (of four: three files and SHA256SUMS).
        FailingStore failing = new FailingStore(hdfs, 3);
        assertThatThrownBy(() -> store(failing, "/failing", T2).publish(second, "2026-10-01-run2"))
                .isInstanceOf(IOException.class).hasMessage("injected: store failed writing index.html");
        assertThat(store(hdfs, "/failing", T2).pointer()).isEqualTo(live);
        // Midway: the first two files were written, the rest never were.
        assertThat(storedFiles(hdfs, "/failing/releases/2026-10-01-run2")).containsOnlyKeys("data/a.csv", "data/b.csv");
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path("/failing/releases/2026-10-01-run2/_COMPLETE"))).isFalse();
        assertSameBytes(localFiles(previous), storedFiles(hdfs, "/failing/releases/2026-09-30-run1"), live.sha256sums());

        // The next publish replaces the partial copy and only then moves the pointer.
        SitePointer next = store(hdfs, "/failing", T2).publish(second, "2026-10-01-run2");
        assertThat(next).isEqualTo(new SitePointer("2026-10-01-run2", Checksums.sha256(second.resolve("SHA256SUMS")),
                "2026-10-02T02:30:00Z", "2026-09-30-run1"));
        assertSameBytes(localFiles(second), storedFiles(hdfs, "/failing/releases/2026-10-01-run2"), next.sha256sums());
    }

    @Test
    void aCopyThatDoesNotReadBackIntactIsNeverPointedAt() throws Exception {
        SitePointer live = store(hdfs, "/corrupt", T1).publish(previous, "2026-09-30-run1");

        // The store silently appends a byte to one file: the copy completes, the read-back catches it.
        CorruptingStore corrupting = new CorruptingStore(hdfs, "a.csv");
        assertThatThrownBy(() -> store(corrupting, "/corrupt", T2).publish(second, "2026-10-01-run2"))
                .isInstanceOf(IOException.class)
                .hasMessageEndingWith("does not verify: [data/a.csv: 7 bytes, local 6]");
        assertThat(store(hdfs, "/corrupt", T2).pointer()).isEqualTo(live);
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path("/corrupt/releases/2026-10-01-run2/_COMPLETE"))).isFalse();

        // A later publish deletes that never-completed copy (nothing points at it).
        Path third = small(out.resolve("local-third"), "2026-10-03-run3");
        store(hdfs, "/corrupt", T2).publish(third, "2026-10-03-run3");
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path("/corrupt/releases/2026-10-01-run2"))).isFalse();
        assertThat(store(hdfs, "/corrupt", T2).pointer().release()).isEqualTo("2026-10-03-run3");
    }

    @Test
    void theSettingPublishesToAFileUriWithoutSideFiles(@TempDir Path store) throws Exception {
        StorageProperties settings = new StorageProperties(store.toUri().toString(), "", "", "", Map.of());
        SitePointer pointer = FileSystemReleasePublisher.publish(settings, second, "2026-10-01-run2");

        assertThat(pointer.release()).isEqualTo("2026-10-01-run2");
        assertThat(SitePointer.fromJson(Files.readAllBytes(store.resolve("site.json")))).isEqualTo(pointer);
        Map<String, byte[]> stored = localFiles(store.resolve("releases/2026-10-01-run2"));
        assertSameBytes(localFiles(second), stored, pointer.sha256sums()); // no .crc files beside them
        try (Stream<Path> s = Files.list(store)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("releases", "site.json");
        }
    }

    /** A store that throws when asked to create its n-th file. */
    static final class FailingStore extends FilterFileSystem {
        private final int failOn;
        private int creates;

        FailingStore(FileSystem fs, int failOn) {
            super(fs);
            this.failOn = failOn;
        }

        @Override
        public FSDataOutputStream create(org.apache.hadoop.fs.Path f, FsPermission permission, boolean overwrite,
                                         int bufferSize, short replication, long blockSize, Progressable progress)
                throws IOException {
            if (++creates == failOn) throw new IOException("injected: store failed writing " + f.getName());
            return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
        }
    }

    /** A store that appends one byte to files of one name when they are closed. */
    static final class CorruptingStore extends FilterFileSystem {
        private final String name;

        CorruptingStore(FileSystem fs, String name) {
            super(fs);
            this.name = name;
        }

        @Override
        public FSDataOutputStream create(org.apache.hadoop.fs.Path f, FsPermission permission, boolean overwrite,
                                         int bufferSize, short replication, long blockSize, Progressable progress)
                throws IOException {
            FSDataOutputStream real = super.create(f, permission, overwrite, bufferSize, replication, blockSize,
                    progress);
            if (!f.getName().equals(name)) return real;
            return new FSDataOutputStream(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    real.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    real.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    real.write('X');
                    real.close();
                }
            }, null);
        }
    }
}
