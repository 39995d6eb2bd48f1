package org.glasshouse.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.glasshouse.publish.Checksums;
import org.glasshouse.publish.ReleasePublisher;
import org.glasshouse.storage.FileSystemReleasePublisher;
import org.glasshouse.storage.SitePointer;
import org.glasshouse.storage.StorageProperties;
import org.glasshouse.testing.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing a release to a release store on S3 (s3proxy in this JVM, {@link S3Server}, through S3A): S3 has no
 * atomic rename, so site.json is replaced by one PUT of the whole object (docs/storage-design.md section 3); the copy
 * is byte-identical, a copy that fails midway leaves site.json on the previous release, and the next publish
 * replaces the partial copy before it moves the pointer.
 */
class S3ReleasePublishTest {

    private static final Instant T1 = Instant.parse("2026-10-01T02:30:00Z");
    private static final Instant T2 = Instant.parse("2026-10-02T02:30:00Z");

    @TempDir
    static Path out;
    static FileSystem s3;
    static Path second;
    static Path previous;

    @BeforeAll
    static void connectAndBuildTwoReleases() throws IOException {
        s3 = S3Server.newFileSystem();
        second = small(out.resolve("local-small"), "2026-10-01-run2");
        previous = small(out.resolve("local-previous"), "2026-09-30-run1");
    }

    @AfterAll
    static void close() throws IOException {
        if (s3 != null) s3.close();
    }

    private static Path small(Path dir, String id) throws IOException {
        Path staged = dir.resolve("staging");
        Files.createDirectories(staged.resolve("data"));
        Files.writeString(staged.resolve("index.html"), "<h1>" + id + "</h1>");
        Files.writeString(staged.resolve("data/a.csv"), "a\r\n1\r\n");
        Files.writeString(staged.resolve("data/b.csv"), "b\r\n2\r\n");
        return new ReleasePublisher(dir.resolve("releases"), dir.resolve("site")).publish(staged, id);
    }

    private static FileSystemReleasePublisher store(FileSystem fs, String root, Instant now) {
        return new FileSystemReleasePublisher(fs, new org.apache.hadoop.fs.Path(S3Server.bucketUri() + root),
                Clock.fixed(now, ZoneOffset.UTC));
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

    private static Map<String, byte[]> storedFiles(String folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        org.apache.hadoop.fs.Path dir = s3.makeQualified(new org.apache.hadoop.fs.Path(S3Server.bucketUri() + folder));
        if (!s3.exists(dir)) return files;
        RemoteIterator<LocatedFileStatus> it = s3.listFiles(dir, true);
        while (it.hasNext()) {
            org.apache.hadoop.fs.Path p = it.next().getPath();
            try (InputStream in = s3.open(p)) {
                files.put(p.toUri().getPath().substring(dir.toUri().getPath().length() + 1), in.readAllBytes());
            }
        }
        return files;
    }

    private static void assertSameBytes(Map<String, byte[]> local, Map<String, byte[]> stored, String sumsHash) {
        TreeSet<String> expected = new TreeSet<>(local.keySet());
        expected.add(FileSystemReleasePublisher.COMPLETE);
        assertThat(stored.keySet()).isEqualTo(expected);
        local.forEach((name, bytes) -> assertThat(stored.get(name)).as(name).isEqualTo(bytes));
        assertThat(new String(stored.get(FileSystemReleasePublisher.COMPLETE))).isEqualTo(sumsHash + "\n");
    }

    @Test
    void onAStoreWithoutAtomicRenameThePointerIsOnePut() throws Exception {
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(S3Server.bucketUri() + "/one-put");
        // What the publisher branches on: S3A's output becomes visible only when the stream closes (one PUT); its
        // rename is a copy and a delete, not atomic.
        assertThat(s3.hasPathCapability(root, CommonPathCapabilities.ABORTABLE_STREAM)).isTrue();

        SitePointer first = store(s3, "/one-put", T1).publish(previous, "2026-09-30-run1");
        SitePointer next = store(s3, "/one-put", T2).publish(second, "2026-10-01-run2");

        String sumsHash = Checksums.sha256(second.resolve("SHA256SUMS"));
        assertThat(next).isEqualTo(new SitePointer("2026-10-01-run2", sumsHash, "2026-10-02T02:30:00Z",
                "2026-09-30-run1"));
        assertSameBytes(localFiles(second), storedFiles("/one-put/releases/2026-10-01-run2"), sumsHash);
        assertSameBytes(localFiles(previous), storedFiles("/one-put/releases/2026-09-30-run1"), first.sha256sums());
        assertThat(SitePointer.fromJson(storedFiles("/one-put").get("site.json"))).isEqualTo(next);
        // The pointer and the release folders, nothing else: no temporary pointer object was written or left.
        assertThat(storedFiles("/one-put").keySet()).allMatch(n -> n.equals("site.json") || n.startsWith("releases/"));

        // A restarted publish of the same release re-verifies the copy and leaves the pointer as it was.
        assertThat(store(s3, "/one-put", T2).publish(second, "2026-10-01-run2")).isEqualTo(next);
    }

    @Test
    void aCopyThatFailsMidwayLeavesThePointerOnThePreviousRelease() throws Exception {
        SitePointer live = store(s3, "/failing", T1).publish(previous, "2026-09-30-run1");

        HdfsReleasePublishTest.FailingStore failing = new HdfsReleasePublishTest.FailingStore(s3, 3);
        assertThatThrownBy(() -> store(failing, "/failing", T2).publish(second, "2026-10-01-run2"))
                .isInstanceOf(IOException.class).hasMessage("injected: store failed writing index.html");
        assertThat(store(s3, "/failing", T2).pointer()).isEqualTo(live);
        assertThat(storedFiles("/failing/releases/2026-10-01-run2")).containsOnlyKeys("data/a.csv", "data/b.csv");

        SitePointer next = store(s3, "/failing", T2).publish(second, "2026-10-01-run2");
        assertThat(next.release()).isEqualTo("2026-10-01-run2");
        assertThat(next.previous()).isEqualTo("2026-09-30-run1");
        assertSameBytes(localFiles(second), storedFiles("/failing/releases/2026-10-01-run2"), next.sha256sums());
    }

    @Test
    void theSettingsPublishToS3() throws Exception {
        StorageProperties settings = new StorageProperties(S3Server.bucketUri() + "/by-settings", "", "", "",
                S3Server.hadoopSettings());
        SitePointer pointer = FileSystemReleasePublisher.publish(settings, second, "2026-10-01-run2");

        assertThat(pointer.release()).isEqualTo("2026-10-01-run2");
        assertThat(SitePointer.fromJson(storedFiles("/by-settings").get("site.json"))).isEqualTo(pointer);
        assertSameBytes(localFiles(second), storedFiles("/by-settings/releases/2026-10-01-run2"),
                pointer.sha256sums());
    }
}
