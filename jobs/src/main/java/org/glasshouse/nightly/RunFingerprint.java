package org.glasshouse.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * What a step's outputs are a function of, as one SHA-256: the run's input set (inputs.json: every active file with
 * its checksum, reference data included), the pipeline's code (the application jar or classes, and the Spark
 * version), every {@code glasshouse.*} setting and {@code GLASSHOUSE_*} variable but the launcher's own (secrets only
 * as a digest), plus
 * what a step adds (the as-of date for metrics). Two runs with equal keys compute the same bytes, so the later one
 * may take the earlier one's outputs instead of redoing the row work ({@link ReusingTasklet}).
 */
public final class RunFingerprint {

    /** Variables of the launcher (JVM, build) that never change what a step computes. */
    private static final java.util.Set<String> LAUNCHER_ONLY = java.util.Set.of("GLASSHOUSE_HEAP", "GLASSHOUSE_JIT",
            "GLASSHOUSE_CDS", "GLASSHOUSE_SKIP_BUILD", "GLASSHOUSE_HOME", "GLASSHOUSE_GIT_COMMIT");

    private final String code;
    private final String settings;

    public RunFingerprint(ConfigurableEnvironment env) {
        this.code = codeDigest();
        this.settings = settingsText(env) + filesDigest(env.getProperty("glasshouse.contracts-dir", ""));
    }

    /** The pipeline's code (application classes and the Spark version), for caches keyed below the step level. */
    public String code() {
        return code;
    }

    /** Contracts kept outside the application (glasshouse.contracts-dir): their files are part of the key. */
    private static String filesDigest(String dir) {
        if (dir == null || dir.isBlank() || !Files.isDirectory(Path.of(dir))) return "";
        try (Stream<Path> files = Files.walk(Path.of(dir))) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(f.toString().getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(f));
            }
            return "contracts=" + HexFormat.of().formatHex(md.digest()) + "\n";
        } catch (IOException | NoSuchAlgorithmException e) {
            return "contracts=unreadable-" + System.nanoTime() + "\n";
        }
    }

    /** What every output depends on beyond the inputs: the code and every setting, as one SHA-256. */
    public String codeAndSettings() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("glasshouse-code-settings-v1\n" + code + "\n" + settings).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key of a step of the run whose paths these are; {@code extra} is what only that step depends on. */
    public String key(RunPaths paths, String step, String extra) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("glasshouse-step-key-v1\n" + step + "\n" + extra + "\n" + code + "\n" + settings + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(paths.inputsFile()));
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run's input list " + paths.inputsFile(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every glasshouse.* property and GLASSHOUSE_* variable in force, sorted; secrets replaced by a digest. */
    static String settingsText(ConfigurableEnvironment env) {
        Map<String, String> values = new TreeMap<>();
        for (var source : env.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> e)) continue;
            for (String name : e.getPropertyNames()) {
                boolean ours = name.startsWith("glasshouse.")
                        || name.startsWith("GLASSHOUSE_") && !LAUNCHER_ONLY.contains(name);
                if (!ours || values.containsKey(name)) continue;
                String v;
                try {
                    v = env.getProperty(name);
                } catch (RuntimeException unresolvable) {
                    v = String.valueOf(e.getProperty(name));
                }
                values.put(name, secret(name) ? "sha256:" + sha256(v == null ? "" : v) : String.valueOf(v));
            }
        }
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return b.toString();
    }

    private static boolean secret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("secret") || n.contains("token") || n.contains("password");
    }

    /** The application's code: its jar's bytes, or every class file when it runs from a build folder (tests). */
    static String codeDigest() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(org.apache.spark.package$.MODULE$.SPARK_VERSION().getBytes(StandardCharsets.UTF_8));
            for (Class<?> c : List.of(RunFingerprint.class, org.glasshouse.reports.model.DataTable.class)) {
                Path where = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(where)) {
                    try (Stream<Path> files = Files.walk(where)) {
                        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                            md.update(where.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                            md.update(Files.readAllBytes(f));
                        }
                    }
                } else {
                    md.update(Files.readAllBytes(where));
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | URISyntaxException | RuntimeException | NoSuchAlgorithmException e) {
            // Unknown code: a key that never matches, so nothing is reused.
            return "unknown-" + System.nanoTime();
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("glasshouse-setting\n" + s).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
