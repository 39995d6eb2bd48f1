package org.glasshouse.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** A publish that fails or is killed at any point leaves the previous release and the entry point untouched. */
class ReleasePublisherFailureTest {

    @TempDir
    Path out;
    Path releases;
    Path site;
    Path previous;

    @BeforeEach
    void publishAFirstRelease() throws IOException {
        releases = out.resolve("releases");
        site = out.resolve("site");
        previous = new ReleasePublisher(releases, site).publish(staged("r1", "one"), "r1");
    }

    private Path staged(String name, String text) throws IOException {
        Path dir = out.resolve("staging-" + name);
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("index.html"), "<h1>" + text + "</h1>");
        Files.writeString(dir.resolve("data/t.csv"), "a\r\n" + text + "\r\n");
        return dir;
    }

    private void assertPreviousStillPublished() throws IOException {
        assertThat(Files.readSymbolicLink(site).toString()).isEqualTo("releases/r1");
        assertThat(Files.readString(site.resolve("index.html"))).isEqualTo("<h1>one</h1>");
        assertThat(Checksums.verify(previous)).isEmpty();
    }

    @Test
    void aReleaseThatDoesNotVerifyIsNeverSwitchedTo() throws IOException {
        Path staged = staged("r2", "two");
        ReleasePublisher corrupting = new ReleasePublisher(releases, site, stage -> {
            if (stage == ReleasePublisher.Stage.CHECKSUMMED) {
                try { // a disk error between writing and re-reading
                    Files.writeString(releases.resolve(".incoming-r2/data/t.csv"), "a\r\ntampered\r\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        assertThatThrownBy(() -> corrupting.publish(staged, "r2")).isInstanceOf(IOException.class)
                .hasMessage("Staged release does not verify: [data/t.csv: checksum differs]");
        assertPreviousStillPublished();
        assertThat(releases.resolve("r2")).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(value = ReleasePublisher.Stage.class, names = {"COPIED", "CHECKSUMMED", "VERIFIED", "SYNCED", "MOVED"})
    void aPublishKilledAtAnyStageLeavesThePreviousReleaseLive(ReleasePublisher.Stage stage) throws Exception {
        Path staged = staged("r2", "two");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PublishAndHalt.class.getName(),
                releases.toString(), site.toString(), staged.toString(), "r2", stage.name())
                .redirectErrorStream(true).redirectOutput(out.resolve("child.log").toFile()).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(out.resolve("child.log"))).isEqualTo(137);

        assertPreviousStillPublished();
        // The next run (a restart) completes the publish and only then switches.
        new ReleasePublisher(releases, site).publish(staged, "r2");
        assertThat(Files.readSymbolicLink(site).toString()).isEqualTo("releases/r2");
        assertThat(Files.readString(site.resolve("index.html"))).isEqualTo("<h1>two</h1>");
        assertThat(Checksums.verify(releases.resolve("r2"))).isEmpty();
        assertThat(Checksums.verify(previous)).isEmpty(); // the earlier release stays available
        try (var s = Files.list(releases)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(List.of("r1", "r2"));
        }
    }
}
