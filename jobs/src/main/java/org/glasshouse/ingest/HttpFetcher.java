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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.glasshouse.publish.Durable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a partner's HTTP(S) files into a private cache under the landing zone ({@code _http/<partner>/files/}),
 * with conditional GET (ETag and Last-Modified remembered in {@code _http/<partner>/state.json}, written
 * atomically). What a partner's server can and cannot make it do:
 * <ul>
 *   <li>redirects are followed only to the same host over https (at most {@value #MAX_REDIRECTS});</li>
 *   <li>a bearer token is sent only over https, and only to the configured host: a source with a token and an
 *       http URL is refused without a request;</li>
 *   <li>each download has an overall deadline (connection, redirects, retries and body together) and a size cap
 *       (declared or streamed); a trickling or oversized body is cut off and nothing of it is kept;</li>
 *   <li>credentials never reach logs or messages: URLs carry none (checked in partners.yml) and the values of
 *       credential-like query parameters are masked.</li>
 * </ul>
 * Connection failures, 5xx and 429 are retried with exponential backoff within the deadline. One URL failing
 * never stops the partner's other URLs.
 */
public final class HttpFetcher {

    private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    /** What was remembered about one URL. */
    public record State(String etag, String lastModified, String fileName) {}

    /** The TLS context for https (tests trust a self-signed server); DEFAULT = the JVM's trust store. */
    public record Transport(SSLContext sslContext) {
        public static final Transport DEFAULT = new Transport(null);
    }

    /** Files fetched (local copy → redacted URL, fresh or unchanged) and the URLs that failed. */
    public record Fetched(Map<Path, String> files, List<Failure> failures) {}

    public record Failure(String url, String message) {}

    private static final class DownloadException extends IOException {
        final boolean retryable;

        DownloadException(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }
    }

    private final Path cacheRoot;
    private final Function<String, String> env;
    private final long ingestMaxBytes;
    private final Transport transport;

    public HttpFetcher(Path cacheRoot, Function<String, String> env) {
        this(cacheRoot, env, Long.MAX_VALUE, Transport.DEFAULT);
    }

    public HttpFetcher(Path cacheRoot, Function<String, String> env, long ingestMaxBytes, Transport transport) {
        this.cacheRoot = cacheRoot;
        this.env = env;
        this.ingestMaxBytes = ingestMaxBytes;
        this.transport = transport;
    }

    public Fetched fetch(PartnerSource source) {
        Map<Path, String> out = new LinkedHashMap<>();
        List<Failure> failures = new ArrayList<>();
        String token = null;
        if (source.tokenEnv() != null) {
            token = env.apply(source.tokenEnv());
            if (token == null || token.isBlank()) {
                failures.add(new Failure(source.partnerId() + " (all addresses)", "environment variable "
                        + source.tokenEnv() + " (bearer token) is not set"));
                return new Fetched(out, failures);
            }
        }
        Path dir = cacheRoot.resolve(source.partnerId());
        Path files = dir.resolve("files");
        Path stateFile = dir.resolve("state.json");
        Map<String, State> state;
        try {
            Files.createDirectories(files);
            state = readState(stateFile);
        } catch (IOException e) {
            failures.add(new Failure(source.partnerId() + " (all addresses)", "cache " + dir + " unusable: " + e));
            return new Fetched(out, failures);
        }
        HttpClient.Builder cb = HttpClient.newBuilder().connectTimeout(source.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (transport.sslContext() != null) cb.sslContext(transport.sslContext());
        HttpClient client = cb.build();
        long cap = source.maxBytes() > 0 ? source.maxBytes() : ingestMaxBytes;
        for (PartnerSource.Download d : source.downloads()) {
            String shown = Names.redact(d.url());
            try {
                Path target = files.resolve(d.fileName());
                State known = Files.exists(target) ? state.get(d.url()) : null;
                State fresh = download(client, source, d, target, known, token, cap);
                if (fresh != null) state.put(d.url(), fresh);
                out.put(target, shown);
            } catch (IOException e) {
                failures.add(new Failure(shown, e.getMessage()));
            }
        }
        try {
            Durable.writeAtomically(stateFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
        } catch (IOException e) {
            log.warn("{}: could not save the download state ({}); files are fetched again next run",
                    source.partnerId(), e.getMessage());
        }
        return new Fetched(out, failures);
    }

    /** Downloads one URL within its deadline; returns the new state, or null when the server said 304. */
    private State download(HttpClient client, PartnerSource source, PartnerSource.Download d, Path target,
                           State known, String token, long cap) throws IOException {
        URI origin = URI.create(d.url());
        String shown = Names.redact(d.url());
        if (token != null && !"https".equalsIgnoreCase(origin.getScheme())) {
            throw new DownloadException(shown + " is not https, and a bearer token is configured: the token is never "
                    + "sent in clear, so nothing was fetched (use an https address)", false);
        }
        Instant deadline = Instant.now().plus(source.deadline());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        long wait = Math.max(1, source.backoff().toMillis());
        try {
            for (int attempt = 0; ; attempt++) {
                try {
                    HttpResponse<Path> r = followRedirects(client, source, origin, known, token, part, cap, deadline);
                    if (r.statusCode() == 304) {
                        log.info("{}: {} unchanged (304)", source.partnerId(), shown);
                        return null;
                    }
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    return new State(r.headers().firstValue("ETag").orElse(null),
                            r.headers().firstValue("Last-Modified").orElse(null), d.fileName());
                } catch (DownloadException e) {
                    if (!e.retryable || attempt >= source.retries()) throw e;
                    long left = Duration.between(Instant.now(), deadline).toMillis();
                    if (left <= wait) throw e;
                    log.warn("{}: {} failed ({}), retrying in {} ms", source.partnerId(), shown, e.getMessage(), wait);
                }
                sleep(wait, shown);
                wait *= 2;
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private HttpResponse<Path> followRedirects(HttpClient client, PartnerSource source, URI origin, State known,
                                               String token, Path part, long cap, Instant deadline)
            throws IOException {
        URI uri = origin;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<Path> r = send(client, source, uri, known, token, part, cap, deadline);
            int status = r.statusCode();
            if (REDIRECTS.contains(status)) {
                String location = r.headers().firstValue("Location").orElse(null);
                if (location == null) throw new DownloadException(shown(uri) + " answered " + status
                        + " without a Location", false);
                URI next;
                try {
                    next = uri.resolve(location);
                } catch (IllegalArgumentException e) {
                    throw new DownloadException(shown(uri) + " redirected to an invalid address", false);
                }
                boolean https = "https".equalsIgnoreCase(next.getScheme());
                boolean sameHost = next.getHost() != null && next.getHost().equalsIgnoreCase(origin.getHost());
                if (!https || !sameHost || next.getRawUserInfo() != null) {
                    throw new DownloadException(shown(uri) + " redirected to " + Names.redact(next.toString())
                            + ": redirects are followed only to the same host (" + origin.getHost()
                            + ") over https; not followed", false);
                }
                uri = next;
                continue;
            }
            if (status == 304 || status / 100 == 2) return r;
            throw new DownloadException(shown(uri) + " answered HTTP " + status, status >= 500 || status == 429);
        }
        throw new DownloadException(shown(origin) + ": more than " + MAX_REDIRECTS + " redirects", false);
    }

    /** One request, its body written to {@code part} under the cap, all within what is left of the deadline. */
    private HttpResponse<Path> send(HttpClient client, PartnerSource source, URI uri, State known, String token,
                                    Path part, long cap, Instant deadline) throws IOException {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) throw deadlinePassed(source, uri);
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).GET()
                .timeout(left.compareTo(source.readTimeout()) < 0 ? left : source.readTimeout());
        // The redirect check guarantees uri is the configured host over https whenever a token exists.
        if (token != null) rb.header("Authorization", "Bearer " + token);
        if (known != null) {
            if (known.etag() != null) rb.header("If-None-Match", known.etag());
            if (known.lastModified() != null) rb.header("If-Modified-Since", known.lastModified());
        }
        CappedFileBody body = new CappedFileBody(part, cap);
        CompletableFuture<HttpResponse<Path>> call = client.sendAsync(rb.build(), body);
        try {
            return call.get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            body.abort();
            call.cancel(true);
            throw deadlinePassed(source, uri);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            for (Throwable t = c; t != null; t = t.getCause()) {
                if (t instanceof CappedFileBody.TooLarge) {
                    throw new DownloadException(shown(uri) + ": " + t.getMessage() + "; nothing was kept", false);
                }
            }
            String why = c == null ? "failed" : c.getClass().getSimpleName()
                    + (c.getMessage() == null ? "" : ": " + c.getMessage());
            throw new DownloadException(shown(uri) + ": " + why, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            body.abort();
            call.cancel(true);
            throw new DownloadException("interrupted while fetching " + shown(uri), false);
        }
    }

    private static DownloadException deadlinePassed(PartnerSource source, URI uri) {
        return new DownloadException(shown(uri) + ": the download did not complete within its deadline of "
                + String.format(java.util.Locale.ROOT, "%.1f", source.deadline().toMillis() / 1000.0)
                + " s; nothing was kept", false);
    }

    private static String shown(URI uri) {
        return Names.redact(uri.toString());
    }

    private static Map<String, State> readState(Path stateFile) {
        if (!Files.exists(stateFile)) return new LinkedHashMap<>();
        try {
            return JSON.readValue(stateFile.toFile(), new TypeReference<LinkedHashMap<String, State>>() {});
        } catch (IOException e) {
            // A damaged state only costs a full download: nothing is trusted from it.
            log.warn("{} is unreadable ({}); every file is fetched in full", stateFile, e.getMessage());
            return new LinkedHashMap<>();
        }
    }

    private static void sleep(long millis, String url) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        }
    }
}
