package org.glasshouse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsMetricsTest {

    @TempDir
    Path out;
    Instant published;

    static final Instant ENDED = Instant.parse("2026-11-27T02:31:40Z");
    static final Instant SUCCESS = Instant.parse("2026-11-26T02:29:10Z");
    static final Instant P01_FILE = Instant.parse("2026-11-20T08:00:00Z");

    @BeforeEach
    void publishedSite() throws Exception {
        Files.createDirectories(out.resolve("releases/2026-11-26-run6"));
        Files.createSymbolicLink(out.resolve("site"), Path.of("releases/2026-11-26-run6"));
        published = Files.getLastModifiedTime(out.resolve("site"), LinkOption.NOFOLLOW_LINKS).toInstant();
    }

    /** Run 7 failed in metrics for a transient reason; P01's services had a refused file; P02 never sent a file. */
    static RunFigures run7() {
        Map<String, Double> steps = new LinkedHashMap<>();
        steps.put("ingest", 1.5);
        steps.put("validate", 42.25);
        steps.put("metrics", 3.0);
        Map<String, Instant> partners = new LinkedHashMap<>();
        partners.put("P01", P01_FILE);
        partners.put("P02", null);
        return new RunFigures("7", "FAILED", ENDED, SUCCESS, steps,
                List.of(new DatasetRows("P01", "services", 12, 10, 2, 1),
                        new DatasetRows("_reference", "agreements", 12, 12, 0, 0)),
                "metrics", new Failure(Failure.Kind.TRANSIENT, "java.io.IOException: disk"), partners);
    }

    private OpsMetrics metrics(Duration siteAge) {
        return new OpsMetrics(out, Duration.ofHours(26), Clock.fixed(published.plus(siteAge), ZoneOffset.UTC));
    }

    @Test
    void exportsTheRunsFiguresInThePrometheusTextFormat() {
        OpsMetrics m = metrics(Duration.ofHours(3));
        m.update(run7());
        String text = m.scrape();
        assertThat(text).contains(
                "# TYPE glasshouse_last_success_timestamp_seconds gauge",
                "glasshouse_last_success_timestamp_seconds 1.79566015E9",   // 2026-11-26T02:29:10Z
                "glasshouse_last_run_timestamp_seconds 1.7957467E9",        // 2026-11-27T02:31:40Z
                "glasshouse_last_run_id 7.0",
                "glasshouse_last_run_failed 1.0",
                "glasshouse_last_run_failure{kind=\"transient\",step=\"metrics\"} 1.0",
                "glasshouse_step_duration_seconds{step=\"validate\"} 42.25",
                "glasshouse_step_duration_seconds{step=\"ingest\"} 1.5",
                "glasshouse_rows_read{dataset=\"services\",partner=\"P01\"} 12.0",
                "glasshouse_rows_accepted{dataset=\"services\",partner=\"P01\"} 10.0",
                "glasshouse_rows_quarantined{dataset=\"services\",partner=\"P01\"} 2.0",
                "glasshouse_files_refused{dataset=\"services\",partner=\"P01\"} 1.0",
                "glasshouse_rows_read{dataset=\"agreements\",partner=\"_reference\"} 12.0",
                "glasshouse_partner_last_file_timestamp_seconds{partner=\"P01\"} 1.7951616E9",
                "glasshouse_partner_last_file_timestamp_seconds{partner=\"P02\"} 0.0",
                "glasshouse_site_release{release=\"2026-11-26-run6\"} 1.0",
                "glasshouse_site_age_seconds 10800.0",
                "glasshouse_site_max_age_seconds 93600.0",
                "glasshouse_site_stale 0.0");
    }

    @Test
    void theSiteIsStaleWhenOlderThanTheScheduleAllowsOrMissing() throws Exception {
        assertThat(metrics(Duration.ofHours(27)).scrape()).contains("glasshouse_site_stale 1.0");
        Files.delete(out.resolve("site"));
        String none = metrics(Duration.ZERO).scrape();
        assertThat(none).contains("glasshouse_site_stale 1.0", "glasshouse_site_age_seconds NaN",
                "glasshouse_site_published_timestamp_seconds 0.0").doesNotContain("glasshouse_site_release{");
        // Before any run, the last success is 0 (never), so "no success for 26 h" fires rather than staying silent.
        assertThat(none).contains("glasshouse_last_success_timestamp_seconds 0.0");
    }

    @Test
    void aNewRunReplacesTheFiguresOfTheLastOne() {
        OpsMetrics m = metrics(Duration.ofHours(1));
        m.update(run7());
        RunFigures r7 = run7();
        m.update(new RunFigures("8", "COMPLETED", ENDED.plusSeconds(86400), ENDED.plusSeconds(86400),
                Map.of("ingest", 2.0), List.of(new DatasetRows("P02", "transactions", 6, 5, 1, 0)), null, null,
                r7.partnerLastFile()));
        String text = m.scrape();
        assertThat(text).contains("glasshouse_last_run_id 8.0", "glasshouse_last_run_failed 0.0",
                "glasshouse_rows_read{dataset=\"transactions\",partner=\"P02\"} 6.0");
        assertThat(text).doesNotContain("partner=\"P01\",dataset", "dataset=\"services\"", "glasshouse_last_run_failure{",
                "step=\"validate\"");
    }

    @Test
    void theFileIsReplacedAtomicallyAndTheEndpointServesTheSameText() throws Exception {
        OpsMetrics m = metrics(Duration.ofHours(1));
        m.update(run7());
        Path file = out.resolve("textfile/glasshouse.prom");
        MetricsFile.write(file, "old\n");
        MetricsFile.write(file, m.scrape());
        assertThat(Files.readString(file)).contains("glasshouse_last_run_id 7.0");
        try (var s = Files.list(file.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("glasshouse.prom"); // no temp left
        }

        try (MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, m::scrape)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint.url())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue(MetricsEndpoint.CONTENT_TYPE);
            assertThat(r.body()).isEqualTo(Files.readString(file));
            assertThat(endpoint.url()).startsWith("http://127.0.0.1:");
            var post = http.send(HttpRequest.newBuilder(URI.create(endpoint.url()))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void promtoolAcceptsTheExport() throws Exception {
        Promtool.require();
        OpsMetrics m = metrics(Duration.ofHours(1));
        m.update(run7());
        m.watchSchedule(() -> ENDED.plusSeconds(3600), () -> false);
        Promtool.run(out, m.scrape(), "check", "metrics");
    }
}
