package org.glasshouse.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The schema copies the tests validate against are the project's standards, unchanged, each with its licence. The
 * comparison runs where the shared standards folder is beside the checkout (sessions, CI); the copies themselves
 * are always there.
 */
class StandardsSchemasTest {

    private static final Path COPIES = Path.of("src", "test", "resources", "standards");

    @Test
    void everyCopyHasItsLicenceAndEqualsTheSharedStandards() throws Exception {
        for (String dir : List.of("360giving-1.4.3", "iati-2.03")) {
            assertThat(COPIES.resolve(dir).resolve("LICENSE")).isRegularFile();
        }
        Path shared = Stream.of(Path.of("..", "..", "shared", "standards"), Path.of("..", "..", "..", "shared",
                "standards")).filter(Files::isDirectory).findFirst().orElse(null);
        Assumptions.assumeTrue(shared != null, "no shared standards folder beside the checkout to compare with");
        try (Stream<Path> files = Files.walk(shared)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path copy = COPIES.resolve(shared.relativize(f).toString());
                assertThat(copy).as(copy.toString()).isRegularFile();
                assertThat(Files.mismatch(f, copy)).as(copy.toString()).isEqualTo(-1L);
            }
        }
    }
}
