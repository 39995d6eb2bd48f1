package org.glasshouse.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a partner's HTTP(S) files into a private cache under the landing zone
 * ({@code _http/<partner>/files/}), with conditional GET: the ETag and Last-Modified of each URL are remembered
 * ({@code _http/<partner>/state.json}), so an unchanged file answers 304 and is not downloaded again. Timeouts from
 * the partner's configuration; connection failures, 5xx and 429 are retried with exponential backoff. The cached
 * files are then landed like dropped files (by checksum, so an unchanged file is never landed twice).
 */
public final class HttpFetcher {

    private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was remembered about one URL. */
    public record State(String etag, String lastModified, String fileName) {}

    private final Path cacheRoot;
    private final Function<String, String> env;

    public HttpFetcher(Path cacheRoot, Function<String, String> env) {
        this.cacheRoot = cacheRoot;
        this.env = env;
    }

    /** Fetches every URL of the source; returns local copy → URL (fresh or unchanged). Throws on the first failure. */
    public Map<Path, String> fetch(PartnerSource source) throws IOException {
        Path dir = cacheRoot.resolve(source.partnerId());
        Path files = dir.resolve("files");
        Files.createDirectories(files);
        Path stateFile = dir.resolve("state.json");
        Map<String, State> state = Files.exists(stateFile)
                ? JSON.readValue(stateFile.toFile(), new TypeReference<LinkedHashMap<String, State>>() {})
                : new LinkedHashMap<>();
        String token = null;
        if (source.tokenEnv() != null) {
            token = env.apply(source.tokenEnv());
            if (token == null || token.isBlank()) {
                throw new IOException("environment variable " + source.tokenEnv() + " (bearer token) is not set");
            }
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(source.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        Map<Path, String> out = new LinkedHashMap<>();
        try {
            for (PartnerSource.Download d : source.downloads()) {
                Path target = files.resolve(d.fileName());
                State known = state.get(d.url());
                HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(d.url())).timeout(source.readTimeout()).GET();
                if (token != null) rb.header("Authorization", "Bearer " + token);
                if (known != null && Files.exists(target)) {
                    if (known.etag() != null) rb.header("If-None-Match", known.etag());
                    if (known.lastModified() != null) rb.header("If-Modified-Since", known.lastModified());
                }
                Path part = target.resolveSibling(target.getFileName() + ".part");
                HttpResponse<Path> resp = send(client, rb.build(), part, source);
                if (resp.statusCode() == 304) {
                    Files.deleteIfExists(part);
                    log.info("{}: {} unchanged (304)", source.partnerId(), d.url());
                } else if (resp.statusCode() / 100 == 2) {
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    state.put(d.url(), new State(resp.headers().firstValue("ETag").orElse(null),
                            resp.headers().firstValue("Last-Modified").orElse(null), d.fileName()));
                } else {
                    Files.deleteIfExists(part);
                    throw new IOException(d.url() + " answered HTTP " + resp.statusCode());
                }
                out.put(target, d.url());
            }
        } finally {
            JSON.writerWithDefaultPrettyPrinter().writeValue(stateFile.toFile(), state);
        }
        return out;
    }

    /** Retries what may pass on a second try (no connection, timeouts, 5xx, 429), doubling the wait each time. */
    private static HttpResponse<Path> send(HttpClient client, HttpRequest req, Path part, PartnerSource source)
            throws IOException {
        long wait = Math.max(1, source.backoff().toMillis());
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<Path> r = client.send(req, HttpResponse.BodyHandlers.ofFile(part));
                boolean retryable = r.statusCode() >= 500 || r.statusCode() == 429;
                if (!retryable || attempt >= source.retries()) return r;
                log.warn("{}: {} answered {}, retrying in {} ms", source.partnerId(), req.uri(), r.statusCode(), wait);
            } catch (IOException e) {
                if (attempt >= source.retries()) throw new IOException(req.uri() + ": " + e.getMessage(), e);
                log.warn("{}: {} failed ({}), retrying in {} ms", source.partnerId(), req.uri(), e.toString(), wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching " + req.uri(), e);
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching " + req.uri(), e);
            }
            wait *= 2;
        }
    }
}
