package org.glasshouse.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file and folder of a release is flushed to disk before the entry point switches to it. */
class ReleaseDurabilityTest {

    @TempDir
    Path out;

    @Test
    void everyFileAndFolderIsFlushedBeforeTheSwitchAndTheSwitchItselfIsFlushed() throws IOException {
        Path staged = Files.createDirectories(out.resolve("staging/data/deep"));
        Files.writeString(out.resolve("staging/index.html"), "<h1>r</h1>");
        Files.writeString(out.resolve("staging/data/t.csv"), "a\n1\n");
        Files.writeString(out.resolve("staging/data/deep/x.json"), "{}");
        Path releases = out.resolve("releases");
        List<String> events = new ArrayList<>();
        ReleasePublisher.Flush recording = new ReleasePublisher.Flush() {
            @Override
            public void tree(Path root) throws IOException {
                try (Stream<Path> s = Files.walk(root)) {
                    s.forEach(p -> events.add("flush " + root.relativize(p)));
                }
                ReleasePublisher.Flush.DISK.tree(root);
            }

            @Override
            public void folder(Path dir) throws IOException {
                events.add("flush folder " + out.relativize(dir));
                ReleasePublisher.Flush.DISK.folder(dir);
            }
        };
        new ReleasePublisher(releases, out.resolve("site"), s -> events.add(s.name()), recording)
                .publish(out.resolve("staging"), "r1");

        int synced = events.indexOf("SYNCED");
        List<String> flushedBefore = events.subList(0, synced);
        assertThat(flushedBefore).contains("flush index.html", "flush data/t.csv", "flush data/deep/x.json",
                "flush SHA256SUMS", "flush data", "flush data/deep", "flush ");
        assertThat(events.subList(synced, events.size())).containsExactly("SYNCED", "flush folder releases", "MOVED",
                "flush folder ", "SWITCHED");
        assertThat(Checksums.verify(releases.resolve("r1"))).isEmpty();
        assertThat(staged).exists();
    }
}
