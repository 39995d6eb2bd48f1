package org.glasshouse.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import org.glasshouse.serve.client.OwnerOnlyFile;
import org.glasshouse.serve.client.SqlClient;

/**
 * The launcher's shortcut into a running serve: {@code bin/glasshouse sql "..."} posts its command line here with
 * curl and prints the answer, so a repeated query costs no JVM start at all (a Flight SQL client JVM spends about
 * 0.8 s of CPU loading gRPC, Netty and Arrow before it asks anything). The command runs in serve's own warm JVM
 * through the same {@link SqlClient} a client JVM would run, so the output is the same text.
 *
 * <p>Loopback only, whatever serve's bind address. Every request must carry the random token serve writes to
 * {@code OUT/private/serve-launcher} (readable by its owner only: whoever can read it can read OUT/private anyway),
 * and a Host header naming the loopback address, so a web page in a local browser can neither send a query (a custom
 * header forces a CORS preflight, which is never answered) nor reach it through DNS rebinding. Only {@code sql}
 * command lines without a file to write are taken; anything else answers exit code 75, the signal to use the
 * client JVM.
 *
 * <p>Protocol: {@code POST /cli}, body = the arguments after {@code sql}, each followed by a NUL byte. Answer: header
 * {@code X-Glasshouse-Exit}, body = what the command printed on standard output (exit 0) or standard error.
 */
public final class LauncherEndpoint implements AutoCloseable {

    public static final String FILE = "serve-launcher";
    static final String TOKEN_HEADER = "X-Glasshouse-Token";
    static final String EXIT_HEADER = "X-Glasshouse-Exit";

    /** Runs one command line (arguments of sql) and returns its exit code; prints to out and err. */
    @FunctionalInterface
    interface Runner {
        int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
    }

    private final HttpServer http;
    private final String token;

    private LauncherEndpoint(HttpServer http, String token) {
        this.http = http;
        this.token = token;
    }

    /** For serve on OUT: sql command lines run against serve itself, with OUT as their folder. */
    public static LauncherEndpoint start(Path out) throws IOException {
        String folder = out.toAbsolutePath().normalize().toString();
        return start((args, o, e) -> {
            List<String> argv = new ArrayList<>();
            argv.add("sql");
            argv.addAll(args);
            argv.add("--out");
            argv.add(folder);
            return SqlClient.run(argv.toArray(String[]::new), o, e);
        });
    }

    static LauncherEndpoint start(Runner runner) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        LauncherEndpoint endpoint = new LauncherEndpoint(http, token);
        http.createContext("/cli", exchange -> endpoint.handle(exchange, runner));
        http.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "serve-launcher");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        return endpoint;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    String token() {
        return token;
    }

    /** Writes "pid port token" to OUT/private/serve-launcher, atomically and readable by its owner only. */
    public void advertise(Path out, long pid) throws IOException {
        OwnerOnlyFile.write(file(out), pid + " " + port() + " " + token + "\n", pid);
    }

    public static Path file(Path out) {
        return out.toAbsolutePath().normalize().resolve("private").resolve(FILE);
    }

    /** Removes the file if it is still this process's. */
    public static void remove(Path out, long pid) {
        Path f = file(out);
        try {
            if (Files.isRegularFile(f) && Files.readString(f).startsWith(pid + " ")) Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // best effort on the way out: a stale file names a dead pid and the launcher checks the pid
        }
    }

    private void handle(HttpExchange exchange, Runner runner) throws IOException {
        try (exchange) {
            String presented = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
            if (!"POST".equals(exchange.getRequestMethod()) || presented == null
                    || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII),
                            token.getBytes(StandardCharsets.US_ASCII))
                    || !loopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readNBytes(1 << 20);
            List<String> args = split(new String(body, StandardCharsets.UTF_8));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code;
            if (!takes(args)) {
                code = SqlClient.NO_SERVER;
            } else {
                try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                     PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                    code = runner.run(args, o, e);
                } catch (Exception e) {
                    err.writeBytes(("glasshouse sql: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
                    code = 1;
                }
            }
            byte[] answer = code == 0 ? out.toByteArray() : err.toByteArray();
            exchange.getResponseHeaders().set(EXIT_HEADER, Integer.toString(code));
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(answer);
                }
            }
        }
    }

    /**
     * One query (or {@code views}) printed as text: no interactive shell (no query), no file to write (--csv, a path
     * of the caller's), no option that only a local session understands, no second --out.
     */
    static boolean takes(List<String> args) {
        int positional = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--limit") && i + 1 < args.size()) {
                i++;
            } else if (a.startsWith("--")) {
                return false;
            } else {
                positional++;
            }
        }
        return positional == 1;
    }

    static List<String> split(String body) {
        if (body.isEmpty()) return List.of();
        String trimmed = body.endsWith("\0") ? body.substring(0, body.length() - 1) : body;
        return Arrays.asList(trimmed.split("\0", -1));
    }

    private static boolean loopbackHost(String host) {
        if (host == null) return false;
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        return name.equals("127.0.0.1") || name.equals("localhost") || name.equals("[::1]");
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
