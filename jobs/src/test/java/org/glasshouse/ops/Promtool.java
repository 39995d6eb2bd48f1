package org.glasshouse.ops;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus's own checker (Debian's prometheus package, installed by .ci/run). Required in CI (CI set); skipped
 * loudly on a machine without it.
 */
final class Promtool {

    private Promtool() {}

    static void require() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "promtool"))) return;
        }
        String why = "promtool is not installed (apt-get install prometheus)";
        if (System.getenv("CI") != null) fail(why + "; CI must install it (.ci/run)");
        System.err.println("\n*** SKIPPED promtool checks: " + why + " ***\n");
        Assumptions.abort(why);
    }

    /** Runs promtool with the given arguments (and standard input); returns its output, failing on a non-zero exit. */
    static String run(Path dir, String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("promtool"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("promtool " + String.join(" ", args) + " did not finish:\n" + out);
        }
        if (p.exitValue() != 0) fail("promtool " + String.join(" ", args) + " failed:\n" + out);
        return out;
    }
}
