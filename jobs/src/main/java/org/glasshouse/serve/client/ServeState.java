package org.glasshouse.serve.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code OUT/private/serve.json}: how clients on this machine find a running serve (written when it starts, removed
 * when it stops). It names the environment variable that holds the password, never the password. Read with a few
 * lines of code rather than a JSON library so the sql client starts fast (the object is flat and ours).
 *
 * @param pid         the serve process; a file whose process is gone is stale and ignored
 * @param host        the address clients on this machine connect to
 * @param tlsCertFile the certificate to trust when serve speaks TLS, else empty
 * @param passwordEnv when not empty, clients authenticate as username with the password in this variable
 */
public record ServeState(long pid, String host, int port, String tlsCertFile, String username, String passwordEnv,
                         long runId) {

    private static final Pattern ENTRY = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|-?\\d+)");

    public static Path file(Path out) {
        return out.toAbsolutePath().normalize().resolve("private").resolve("serve.json");
    }

    public boolean auth() {
        return !passwordEnv.isEmpty();
    }

    /** The state of a serve that is running on OUT, if any. */
    public static Optional<ServeState> find(Path out) {
        Path f = file(out);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            ServeState s = parse(Files.readString(f, StandardCharsets.UTF_8));
            return ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false) ? Optional.of(s) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();  // unreadable or half-written: behave as if serve were not running
        }
    }

    static ServeState parse(String json) {
        Map<String, String> v = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(json);
        while (m.find()) v.put(m.group(1), m.group(3) != null ? unescape(m.group(3)) : m.group(2));
        return new ServeState(Long.parseLong(v.get("pid")), v.get("host"), Integer.parseInt(v.get("port")),
                v.getOrDefault("tls_cert_file", ""), v.getOrDefault("username", ""),
                v.getOrDefault("password_env", ""), Long.parseLong(v.getOrDefault("run_id", "-1")));
    }

    public String toJson() {
        return "{\n  \"pid\": " + pid + ",\n  \"host\": " + quote(host) + ",\n  \"port\": " + port
                + ",\n  \"tls_cert_file\": " + quote(tlsCertFile) + ",\n  \"username\": " + quote(username)
                + ",\n  \"password_env\": " + quote(passwordEnv) + ",\n  \"run_id\": " + runId + "\n}\n";
    }

    /** Written atomically and readable by its owner only. */
    public void write(Path out) throws IOException {
        OwnerOnlyFile.write(file(out), toJson(), pid);
    }

    /** Removes the file if it is still this process's (a newer serve may have replaced it). */
    public static void remove(Path out, long pid) {
        Path f = file(out);
        try {
            if (Files.isRegularFile(f) && parse(Files.readString(f, StandardCharsets.UTF_8)).pid() == pid) {
                Files.deleteIfExists(f);
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort at shutdown: a stale file is ignored by clients because its process is gone
        }
    }

    private static String quote(String s) {
        return "\"" + (s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }

    private static String unescape(String s) {
        return s.replaceAll("\\\\(.)", "$1");
    }
}
