package org.glasshouse.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleasePublisherTest {

    @TempDir Path out;

    private Path staged(String name, String body) throws IOException {
        Path dir = out.resolve("private/staging-" + name);
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("index.html"), body);
        Files.writeString(dir.resolve("data/t.csv"), "a\n1\n");
        return dir;
    }

    @Test
    void publishesVerifiedReleasesAndSwitchesTheEntryPoint() throws IOException {
        ReleasePublisher p = new ReleasePublisher(out.resolve("releases"), out.resolve("site"));
        p.publish(staged("1", "one"), "r1");
        p.publish(staged("2", "two"), "r2");

        assertThat(Files.readString(out.resolve("site/index.html"))).isEqualTo("two");
        assertThat(Files.readString(out.resolve("releases/r1/index.html"))).isEqualTo("one");
        assertThat(Files.readString(out.resolve("releases/r2/SHA256SUMS")))
                .contains("  data/t.csv\n").contains("  index.html\n");
        assertThat(Checksums.verify(out.resolve("releases/r2"))).isEmpty();
    }

    @Test
    void aReleaseThatDoesNotVerifyLeavesTheEntryPointAlone() throws IOException {
        ReleasePublisher p = new ReleasePublisher(out.resolve("releases"), out.resolve("site"));
        p.publish(staged("1", "one"), "r1");
        // A half-written release from a killed run: present but not verifiable.
        Files.createDirectories(out.resolve("releases/r2"));
        Files.writeString(out.resolve("releases/r2/index.html"), "partial");

        assertThatThrownBy(() -> p.publish(staged("2", "two"), "r2")).isInstanceOf(IOException.class)
                .hasMessageContaining("does not verify");
        assertThat(Files.readString(out.resolve("site/index.html"))).isEqualTo("one");
    }

    @Test
    void aTamperedFileIsCaughtByVerification() throws IOException {
        ReleasePublisher p = new ReleasePublisher(out.resolve("releases"), out.resolve("site"));
        p.publish(staged("1", "one"), "r1");
        Files.writeString(out.resolve("releases/r1/data/t.csv"), "a\n2\n");
        assertThat(Checksums.verify(out.resolve("releases/r1"))).containsExactly("data/t.csv: checksum differs");
    }
}
