package org.glasshouse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
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
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.glasshouse.contract.ContractCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * HTTP(S) partner sources against servers on 127.0.0.1 that behave and misbehave: an https server with a
 * self-signed certificate (for tokens) and a plain http server (redirects away, trickled, stalled and oversized
 * bodies).
 */
class HttpSourceTest {

    static final String CSV = "record_id,agreement_id\nS-1,AGR-1\n";
    static final String TOKEN = "secret-token-3f9a";
    HttpsServer tls;
    HttpServer plain;
    String https;
    String http;
    final List<String> log = new CopyOnWriteArrayList<>();
    final Map<String, String> authorizations = new ConcurrentHashMap<>();
    final AtomicInteger flakyCalls = new AtomicInteger();
    final List<String> plainRequests = new CopyOnWriteArrayList<>();
    final List<String> stolen = new CopyOnWriteArrayList<>();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws Exception {
        tls = SelfSignedHttps.start();
        https = "https://127.0.0.1:" + tls.getAddress().getPort();
        tls.createContext("/p01/services-2026-06.csv", ex -> {
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
        tls.createContext("/p01/results.csv", ex -> {
            // Fails twice (a restarting server), then answers: retried with backoff.
            if (flakyCalls.incrementAndGet() <= 2) send(ex, 503, "busy");
            else send(ex, 200, "agreement_id,indicator_id,period\nAGR-1,IND-1,2026-06\n");
            ex.close();
        });
        tls.createContext("/p01/moved", ex -> {
            ex.getResponseHeaders().add("Location", https + "/p01/target");
            send(ex, 302, "");
            ex.close();
        });
        tls.createContext("/p01/target", ex -> {
            authorizations.put("target", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            send(ex, 200, "transaction_id\nT-1\n");
            ex.close();
        });
        tls.createContext("/p01/away", ex -> {
            // Same server, other host name: following it would hand the token to another host.
            ex.getResponseHeaders().add("Location", "https://localhost:" + tls.getAddress().getPort() + "/stolen");
            send(ex, 302, "");
            ex.close();
        });
        tls.createContext("/stolen", ex -> {
            stolen.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            send(ex, 200, CSV);
            ex.close();
        });
        tls.start();

        plain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        plain.setExecutor(Executors.newCachedThreadPool());
        http = "http://127.0.0.1:" + plain.getAddress().getPort();
        plain.createContext("/", ex -> {
            plainRequests.add(ex.getRequestURI() + " auth=" + ex.getRequestHeaders().getFirst("Authorization"));
            String path = ex.getRequestURI().getPath();
            try {
                switch (path) {
                    case "/p02/services.csv" -> send(ex, 404, "no such file");
                    case "/p04/downgrade.csv" -> {
                        ex.getResponseHeaders().add("Location", http + "/p04/plain.csv");
                        send(ex, 302, "");
                    }
                    case "/p04/elsewhere.csv" -> {
                        ex.getResponseHeaders().add("Location", "https://localhost:" + tls.getAddress().getPort() + "/stolen");
                        send(ex, 302, "");
                    }
                    case "/p05/trickle.csv" -> {
                        ex.sendResponseHeaders(200, 0);
                        try (OutputStream out = ex.getResponseBody()) {
                            for (int i = 0; i < 300; i++) {
                                out.write('x');
                                out.flush();
                                Thread.sleep(100);
                            }
                        }
                    }
                    case "/p05/stall.csv" -> {
                        ex.sendResponseHeaders(200, 0);
                        Thread.sleep(30_000);
                    }
                    case "/p06/declared.csv" -> {
                        ex.sendResponseHeaders(200, 10_000_000);
                        ex.getResponseBody().write(new byte[10]);
                    }
                    case "/p06/streamed.csv" -> {
                        ex.sendResponseHeaders(200, 0);
                        try (OutputStream out = ex.getResponseBody()) {
                            for (int i = 0; i < 1000; i++) out.write(new byte[1024]);
                        }
                    }
                    case "/p06/small.csv" -> send(ex, 200, CSV);
                    default -> send(ex, 200, CSV);
                }
            } catch (InterruptedException | IOException e) {
                // the client hung up: exactly what a deadline or a size cap does
            } finally {
                ex.close();
            }
        });
        plain.start();

        logs.start();
        ((Logger) LoggerFactory.getLogger("org.glasshouse")).addAppender(logs);
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger("org.glasshouse")).detachAppender(logs);
        tls.stop(0);
        plain.stop(0);
    }

    private List<PartnerSource> sources(String yml) throws IOException {
        return PartnerSources.parse(new ByteArrayInputStream(yml.formatted(https, http)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private Ingestor ingestor(List<PartnerSource> sources) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);
        return new Ingestor(tmp.resolve("landing"), ContractCatalog.DATASETS, clock, sources,
                name -> name.startsWith("TOKEN_") ? TOKEN : null, IngestProperties.UNLIMITED,
                new HttpFetcher.Transport(SelfSignedHttps.clientTrustingTheServer()));
    }

    private IngestResult ingest(List<PartnerSource> sources) throws Exception {
        Path input = Files.createDirectories(tmp.resolve("input"));
        return ingestor(sources).ingest(input, "1");
    }

    @Test
    void fetchesOverHttpsWithTokenRetriesSameHostRedirectsAndConditionalGet() throws Exception {
        List<PartnerSource> sources = sources("""
                partners:
                  - id: P01
                    source:
                      type: http
                      urls:
                        - %1$s/p01/services-2026-06.csv
                        - {url: "%1$s/p01/results.csv", file_name: results-2026-06.csv}
                        - {url: "%1$s/p01/moved", file_name: transactions.csv}
                      bearer_token_env: TOKEN_P01
                      retries: 3
                      backoff_ms: 10
                  - id: P02
                    source: {type: http, urls: ["%2$s/p02/services.csv?access_token=XYZ-LEAK"], retries: 1, backoff_ms: 10}
                  - id: P03
                    source: {type: http, urls: ["http://127.0.0.1:9/services.csv"], retries: 1, backoff_ms: 10,
                             connect_timeout_ms: 500}
                """);
        Path input = Files.createDirectories(tmp.resolve("input").resolve("inbox"));
        Files.createDirectories(input.resolve("P04"));
        Files.writeString(input.resolve("P04").resolve("services-2026-06.csv"), CSV + "S-2,AGR-2\n");

        IngestResult first = ingestor(sources).ingest(input.getParent(), "1");

        assertThat(first.landed()).extracting(LandedFile::partnerId, LandedFile::dataset, LandedFile::originalName)
                .containsExactlyInAnyOrder(tuple("P04", "services", "services-2026-06.csv"),
                        tuple("P01", "services", "services-2026-06.csv"), tuple("P01", "results", "results-2026-06.csv"),
                        tuple("P01", "transactions", "transactions.csv"));
        assertThat(first.landed().stream().filter(f -> f.partnerId().equals("P01")).map(LandedFile::source))
                .containsExactlyInAnyOrder(https + "/p01/services-2026-06.csv", https + "/p01/results.csv",
                        https + "/p01/moved");
        assertThat(authorizations).containsEntry("services", "Bearer " + TOKEN).containsEntry("target", "Bearer " + TOKEN);
        assertThat(flakyCalls.get()).isEqualTo(3);
        assertThat(first.problems()).hasSize(2);
        assertThat(first.problems().get(0)).isEqualTo("partner P02: " + http + "/p02/services.csv?access_token=***: "
                + "source failed: " + http + "/p02/services.csv?access_token=***" + " answered HTTP 404 (ING-010, error)");
        assertThat(first.problems().get(1)).startsWith("partner P03: http://127.0.0.1:9/services.csv: source failed: ");
        assertThat(first.findings()).extracting(IngestFinding::partnerId, IngestFinding::ruleId)
                .containsExactly(tuple("P02", IngestRule.SOURCE_FAILED), tuple("P03", IngestRule.SOURCE_FAILED));

        // Second run: the server says 304 for the unchanged file, so it is not downloaded and not landed again.
        IngestResult second = ingestor(sources).ingest(input.getParent(), "2");
        assertThat(log).containsExactly("services null", "services \"v1\"");
        assertThat(second.landed()).isEmpty();
        assertThat(second.alreadyIngested()).isEqualTo(4);
        Path state = tmp.resolve("landing/_http/P01/state.json");
        assertThat(Files.readString(state)).contains("\\\"v1\\\"");
        try (Stream<Path> s = Files.list(state.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("state.json", "files");
        }
        assertNoSecretsLogged(first, second);
    }

    @Test
    void aTokenIsNeverSentOverHttpNorToAnotherHost() throws Exception {
        IngestResult r = ingest(sources("""
                partners:
                  - id: P07
                    source: {type: http, urls: ["%2$s/p07/services.csv"], bearer_token_env: TOKEN_P07, retries: 0}
                  - id: P01
                    source: {type: http, urls: ["%1$s/p01/away"], bearer_token_env: TOKEN_P01, retries: 0}
                """));
        assertThat(plainRequests).isEmpty();
        assertThat(stolen).isEmpty();
        assertThat(r.landed()).isEmpty();
        assertThat(r.findings()).extracting(IngestFinding::partnerId, IngestFinding::ruleId)
                .containsExactly(tuple("P07", IngestRule.SOURCE_FAILED), tuple("P01", IngestRule.SOURCE_FAILED));
        assertThat(r.findings().get(0).message()).isEqualTo("source failed: " + http + "/p07/services.csv is not "
                + "https, and a bearer token is configured: the token is never sent in clear, so nothing was fetched "
                + "(use an https address)");
        assertThat(r.findings().get(1).message()).isEqualTo("source failed: " + https + "/p01/away redirected to "
                + "https://localhost:" + tls.getAddress().getPort() + "/stolen: redirects are followed only to the "
                + "same host (127.0.0.1) over https; not followed");
        assertNoSecretsLogged(r);
    }

    @Test
    void redirectsAwayOrToPlainHttpAreNotFollowed() throws Exception {
        IngestResult r = ingest(sources("""
                partners:
                  - id: P04
                    source: {type: http, urls: ["%2$s/p04/downgrade.csv", "%2$s/p04/elsewhere.csv"], retries: 0}
                """));
        assertThat(r.landed()).isEmpty();
        assertThat(stolen).isEmpty();
        assertThat(plainRequests).containsExactly("/p04/downgrade.csv auth=null", "/p04/elsewhere.csv auth=null");
        assertThat(r.findings()).extracting(IngestFinding::message).containsExactly(
                "source failed: " + http + "/p04/downgrade.csv redirected to " + http + "/p04/plain.csv: redirects are "
                        + "followed only to the same host (127.0.0.1) over https; not followed",
                "source failed: " + http + "/p04/elsewhere.csv redirected to https://localhost:"
                        + tls.getAddress().getPort() + "/stolen: redirects are followed only to the same host "
                        + "(127.0.0.1) over https; not followed");
    }

    @Test
    void aTrickledOrStalledBodyIsCutAtTheDeadlineAndNothingIsKept() throws Exception {
        long started = System.nanoTime();
        IngestResult r = ingest(sources("""
                partners:
                  - id: P05
                    source: {type: http, urls: ["%2$s/p05/trickle.csv", "%2$s/p05/stall.csv"], deadline_ms: 800,
                             read_timeout_ms: 60000, retries: 2, backoff_ms: 10}
                """));
        double seconds = (System.nanoTime() - started) / 1e9;
        // Two downloads of 0.8 s each; the trickle alone would take 30 s, the stall 30 s.
        assertThat(seconds).isLessThan(8.0);
        assertThat(r.landed()).isEmpty();
        assertThat(r.findings()).extracting(IngestFinding::message).containsExactly(
                "source failed: " + http + "/p05/trickle.csv: the download did not complete within its deadline of 0.8 s;"
                        + " nothing was kept",
                "source failed: " + http + "/p05/stall.csv: the download did not complete within its deadline of 0.8 s;"
                        + " nothing was kept");
        assertThat(cachedFiles("P05")).isEmpty();
    }

    @Test
    void aBodyLargerThanTheCapIsRefusedWhetherDeclaredOrStreamed() throws Exception {
        IngestResult r = ingest(sources("""
                partners:
                  - id: P06
                    source: {type: http, urls: ["%2$s/p06/declared.csv", "%2$s/p06/streamed.csv", "%2$s/p06/services-small.csv"],
                             max_bytes: 1000, retries: 2, backoff_ms: 10}
                """));
        assertThat(r.landed()).extracting(LandedFile::originalName).containsExactly("services-small.csv");
        assertThat(r.findings()).extracting(IngestFinding::message).containsExactly(
                "source failed: " + http + "/p06/declared.csv: the server announced 10000000 bytes, more than the "
                        + "limit of 1000; nothing was kept",
                "source failed: " + http + "/p06/streamed.csv: the body is larger than the limit of 1000 bytes; "
                        + "nothing was kept");
        assertThat(cachedFiles("P06")).containsExactly("services-small.csv");
        // Not retried: a size refusal is final for the run.
        assertThat(plainRequests.stream().filter(q -> q.startsWith("/p06/declared.csv"))).hasSize(1);
    }

    @Test
    void aMissingTokenIsAClearProblem() throws Exception {
        Ingestor noToken = new Ingestor(tmp.resolve("landing"), ContractCatalog.DATASETS, Clock.systemUTC(),
                sources("partners: [{id: P01, source: {type: http, urls: ['%1$s/p01/results.csv'], "
                        + "bearer_token_env: TOKEN_P01}}]"), name -> null);
        Path input = Files.createDirectories(tmp.resolve("input"));
        IngestResult r = noToken.ingest(input, "1");
        assertThat(r.landed()).isEmpty();
        assertThat(r.problems()).containsExactly("partner P01: P01 (all addresses): source failed: environment "
                + "variable TOKEN_P01 (bearer token) is not set (ING-010, error)");
    }

    @Test
    void aDamagedStateFileOnlyCostsAFullDownload() throws Exception {
        List<PartnerSource> s = sources("partners: [{id: P06, source: {type: http, urls: ['%2$s/p06/services-small.csv']}}]");
        Files.createDirectories(tmp.resolve("landing/_http/P06"));
        Files.writeString(tmp.resolve("landing/_http/P06/state.json"), "{\"torn");
        IngestResult r = ingest(s);
        assertThat(r.landed()).hasSize(1);
        assertThat(Files.readString(tmp.resolve("landing/_http/P06/state.json"))).contains("services-small.csv");
    }

    @Test
    void sourcesRejectUnsafeIdsNonHttpUrlsAndCredentialsInUrls() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PartnerSources.parse(new ByteArrayInputStream(
                "partners: [{id: ../etc, source: {type: directory}}]".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("not a valid partner id");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PartnerSources.parse(new ByteArrayInputStream(
                "partners: [{id: P01, source: {type: http, urls: ['file:///etc/passwd']}}]".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("not an http(s) URL");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PartnerSources.parse(new ByteArrayInputStream(
                "partners: [{id: P01, source: {type: http, urls: ['https://me:hunter2@x.example/s.csv']}}]"
                        .getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("must not carry a user name or password").hasMessageNotContaining("hunter2");
    }

    private List<String> cachedFiles(String partner) throws IOException {
        Path dir = tmp.resolve("landing/_http").resolve(partner).resolve("files");
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void assertNoSecretsLogged(IngestResult... results) {
        assertThat(logs.list).isNotEmpty();
        for (ILoggingEvent e : logs.list) {
            assertThat(e.getFormattedMessage()).doesNotContain(TOKEN).doesNotContain("XYZ-LEAK");
        }
        for (IngestResult r : results) {
            assertThat(String.join("\n", r.problems())).doesNotContain(TOKEN).doesNotContain("XYZ-LEAK");
            assertThat(r.landed()).allSatisfy(f -> assertThat(f.source()).doesNotContain("XYZ-LEAK"));
        }
    }
}
