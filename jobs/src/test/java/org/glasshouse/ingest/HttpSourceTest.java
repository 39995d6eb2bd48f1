package org.glasshouse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.glasshouse.contract.ContractCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP(S) partner sources against a real HTTP server on 127.0.0.1. */
class HttpSourceTest {

    static final String CSV = "record_id,agreement_id\nS-1,AGR-1\n";
    HttpServer server;
    String base;
    final List<String> log = new CopyOnWriteArrayList<>();
    final Map<String, String> authorizations = new ConcurrentHashMap<>();
    final AtomicInteger flakyCalls = new AtomicInteger();
    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/p01/services-2026-06.csv", ex -> {
            log.add("services " + ex.getRequestHeaders().getFirst("If-None-Match"));
            authorizations.put("services", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
            } else {
                send(ex, 200, CSV);
            }
            ex.close();
        });
        server.createContext("/p01/results.csv", ex -> {
            // Fails twice (a restarting server), then answers: retried with backoff.
            if (flakyCalls.incrementAndGet() <= 2) send(ex, 503, "busy");
            else send(ex, 200, "agreement_id,indicator_id,period\nAGR-1,IND-1,2026-06\n");
            ex.close();
        });
        server.createContext("/p02/", ex -> {
            send(ex, 404, "no such file");
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private List<PartnerSource> sources() throws IOException {
        String yml = """
                partners:
                  - id: P01
                    source:
                      type: http
                      urls:
                        - %1$s/p01/services-2026-06.csv
                        - {url: "%1$s/p01/results.csv", file_name: results-2026-06.csv}
                      bearer_token_env: TOKEN_P01
                      retries: 3
                      backoff_ms: 10
                  - id: P02
                    source: {type: http, urls: ["%1$s/p02/services.csv"], retries: 1, backoff_ms: 10}
                  - id: P03
                    source: {type: http, urls: ["http://127.0.0.1:9/services.csv"], retries: 1, backoff_ms: 10,
                             connect_timeout_ms: 500}
                """.formatted(base);
        return PartnerSources.parse(new ByteArrayInputStream(yml.getBytes(StandardCharsets.UTF_8)));
    }

    private Ingestor ingestor() throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);
        return new Ingestor(tmp.resolve("landing"), ContractCatalog.DATASETS, clock, sources(),
                name -> name.equals("TOKEN_P01") ? "secret-token" : null);
    }

    @Test
    void fetchesWithTokenRetriesAndConditionalGetAndReportsFailingPartnersWithoutStoppingOthers() throws IOException {
        Path input = Files.createDirectories(tmp.resolve("input").resolve("inbox"));
        Files.createDirectories(input.resolve("P04"));
        Files.writeString(input.resolve("P04").resolve("services-2026-06.csv"), CSV + "S-2,AGR-2\n");

        IngestResult first = ingestor().ingest(input.getParent(), "1");
        assertThat(first.landed()).extracting(LandedFile::partnerId, LandedFile::dataset, LandedFile::originalName)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("P04", "services", "services-2026-06.csv"),
                        org.assertj.core.groups.Tuple.tuple("P01", "services", "services-2026-06.csv"),
                        org.assertj.core.groups.Tuple.tuple("P01", "results", "results-2026-06.csv"));
        assertThat(first.landed().stream().filter(f -> f.partnerId().equals("P01")).map(LandedFile::source))
                .containsExactlyInAnyOrder(base + "/p01/services-2026-06.csv", base + "/p01/results.csv");
        assertThat(authorizations.get("services")).isEqualTo("Bearer secret-token");
        assertThat(flakyCalls.get()).isEqualTo(3);
        assertThat(first.problems()).hasSize(2);
        assertThat(first.problems().get(0)).startsWith("partner P02: source failed: ").contains("HTTP 404");
        assertThat(first.problems().get(1)).startsWith("partner P03: source failed: ");

        // Second run: the server says 304 for the unchanged file, so it is not downloaded and not landed again.
        IngestResult second = ingestor().ingest(input.getParent(), "2");
        assertThat(log).containsExactly("services null", "services \"v1\"");
        assertThat(second.landed()).isEmpty();
        assertThat(second.alreadyIngested()).isEqualTo(3);
        assertThat(Files.readString(tmp.resolve("landing/_http/P01/state.json"))).contains("\\\"v1\\\"");
    }

    @Test
    void aMissingTokenIsAClearProblem() throws IOException {
        Ingestor noToken = new Ingestor(tmp.resolve("landing"), ContractCatalog.DATASETS, Clock.systemUTC(),
                sources().subList(0, 1), name -> null);
        Path input = Files.createDirectories(tmp.resolve("input"));
        IngestResult r = noToken.ingest(input, "1");
        assertThat(r.landed()).isEmpty();
        assertThat(r.problems()).containsExactly(
                "partner P01: source failed: environment variable TOKEN_P01 (bearer token) is not set");
    }

    @Test
    void sourcesRejectUnsafeIdsAndNonHttpUrls() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PartnerSources.parse(new ByteArrayInputStream(
                "partners: [{id: ../etc, source: {type: directory}}]".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("not a valid partner id");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PartnerSources.parse(new ByteArrayInputStream(
                "partners: [{id: P01, source: {type: http, urls: ['file:///etc/passwd']}}]".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("not an http(s) URL");
    }
}
