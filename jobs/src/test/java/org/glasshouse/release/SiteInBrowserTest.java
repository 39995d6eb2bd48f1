package org.glasshouse.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens every page of a published release in headless Chromium served from 127.0.0.1, the way a reader would: no
 * console errors, every link and image resolves, every image has alt text, and a screenshot of the overview is left
 * in target/chromium/ for a human to look at. Skips (does not fail) only when Chromium is not installed.
 */
class SiteInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    static Path out;
    static HttpServer server;
    static String base;
    static final List<String> notFound = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void serve() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "SKIPPED: headless Chromium not found at /usr/bin/chromium (apt-get install -y chromium)");
        ReleaseFixture.publish(out, "1", 7);
        Path site = out.resolve("site").toRealPath();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String path = URI.create(ex.getRequestURI().getPath()).normalize().getPath().substring(1);
            Path f = site.resolve(path.isEmpty() ? "index.html" : path).normalize();
            if (!f.startsWith(site) || !Files.isRegularFile(f)) {
                if (!path.equals("favicon.ico")) notFound.add(path);
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            String type = path.endsWith(".html") ? "text/html; charset=utf-8" : path.endsWith(".css") ? "text/css"
                    : path.endsWith(".png") ? "image/png" : path.endsWith(".svg") ? "image/svg+xml"
                    : "application/octet-stream";
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(200, Files.size(f));
            try (OutputStream o = ex.getResponseBody()) {
                Files.copy(f, o);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop(0);
    }

    private static String[] chromium(Path profile, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Path stdout = Files.createTempFile(profile.getParent(), "out", ".txt");
        Path stderr = Files.createTempFile(profile.getParent(), "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium timed out on " + String.join(" ", args));
        }
        return new String[] {Files.readString(stdout), Files.readString(stderr)};
    }

    @Test
    void everyPageOpensWithoutErrorsBrokenLinksOrImagesWithoutAlt() throws Exception {
        Path site = out.resolve("site").toRealPath();
        List<String> pages;
        try (Stream<Path> s = Files.list(site)) {
            pages = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted().toList();
        }
        assertThat(pages).contains("index.html", "programme-prg-a.html", "partner-p1.html", "partner-p2.html",
                "partner-p3.html", "data-quality.html", "methodology.html", "downloads.html", "changes.html");
        HttpClient http = HttpClient.newHttpClient();
        Pattern ref = Pattern.compile("\\s(href|src)=\"([^\"]*)\"");
        Pattern img = Pattern.compile("<img\\b[^>]*>");
        Pattern alt = Pattern.compile("\\salt=\"([^\"]+)\"");
        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            String[] res = chromium(out.resolve("profile-" + page), "--dump-dom", base + page);
            String dom = res[0];
            for (String line : res[1].split("\n")) {
                if (line.contains("CONSOLE") || line.contains("Uncaught") || line.contains("Failed to load")) {
                    problems.add(page + ": console: " + line);
                }
            }
            if (!dom.contains("</html>")) problems.add(page + ": no DOM dumped");
            Matcher m = ref.matcher(dom);
            while (m.find()) {
                String target = m.group(2).replace("&amp;", "&");
                if (target.startsWith("#")) continue;
                URI uri = URI.create(base + page).resolve(target);
                if (!uri.toString().startsWith(base)) {
                    problems.add(page + ": link leaves the site: " + target);
                    continue;
                }
                int status = http.send(HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) problems.add(page + ": broken " + m.group(1) + " " + target + " (" + status + ")");
            }
            Matcher i = img.matcher(dom);
            while (i.find()) {
                Matcher a = alt.matcher(i.group());
                if (!a.find() || a.group(1).isBlank()) problems.add(page + ": image without alt text: " + i.group());
            }
            if (!dom.contains("<h1>")) problems.add(page + ": no h1");
        }
        assertThat(problems).isEmpty();
        assertThat(notFound).as("requests the browser or the link check made that were not found").isEmpty();

        Path shots = Path.of("target", "chromium").toAbsolutePath();
        Files.createDirectories(shots);
        Path shot = shots.resolve("overview.png");
        Files.deleteIfExists(shot);
        chromium(out.resolve("profile-shot"), "--window-size=1280,2400", "--hide-scrollbars",
                "--screenshot=" + shot, base + "index.html");
        assertThat(shot).isRegularFile();
        byte[] png = Files.readAllBytes(shot);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(png.length).isGreaterThan(20_000);
    }
}
