package org.glasshouse.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline's version (jar manifest) and git commit. The commit comes from GLASSHOUSE_GIT_COMMIT when a
 * packaging step sets it, else from the checkout the launcher runs in (GLASSHOUSE_HOME), else "unknown".
 */
final class BuildInfo {

    private static String commit;

    private BuildInfo() {}

    static String version() {
        String v = BuildInfo.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    static synchronized String gitCommit() {
        if (commit == null) commit = findCommit();
        return commit;
    }

    private static String findCommit() {
        String env = System.getenv("GLASSHOUSE_GIT_COMMIT");
        if (env != null && env.matches("[0-9a-f]{7,40}")) return env;
        String home = System.getenv().getOrDefault("GLASSHOUSE_HOME", System.getProperty("user.dir"));
        try {
            Process p = new ProcessBuilder("git", "-C", Path.of(home).toString(), "rev-parse", "HEAD")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("[0-9a-f]{40}")) return out;
        } catch (IOException e) {
            // no git on this machine: fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "unknown";
    }
}
