package org.glasshouse.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The operations tests' input folder: the bundled reference data and two small partner files
 * (src/test/resources/ops/README.md derives their row accounting by hand).
 */
public final class OpsInput {

    public static final long READ = 72;
    public static final long ACCEPTED = 69;
    public static final long QUARANTINED = 3;

    private OpsInput() {}

    public static Path create(Path dir) {
        try {
            copy(Path.of("..", "sample-data", "reference"), dir.resolve("reference"));
            copy(Path.of("src", "test", "resources", "ops", "inbox"), dir.resolve("inbox"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
