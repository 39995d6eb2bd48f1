package org.glasshouse.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CkanPublisherTest {

    @TempDir
    Path release;

    private void release() throws IOException {
        Files.createDirectories(release.resolve("data"));
        Files.writeString(release.resolve("data/agreement_metrics.csv"), "a\r\n1\r\n");
        Files.writeString(release.resolve("data/agreement_metrics.json"), "[{\"a\":1}]\n");
        Files.writeString(release.resolve("report.pdf"), "%PDF-1.7 test");
        for (String f : List.of("data/agreement_metrics.csv", "data/agreement_metrics.json", "report.pdf")) {
            Files.setLastModifiedTime(release.resolve(f), FileTime.from(Instant.parse("2026-10-01T02:03:04Z")));
        }
        Files.writeString(release.resolve("datapackage.json"), """
                {"resources": [
                  {"name": "agreement_metrics", "title": "Money per agreement", "path": "data/agreement_metrics.csv",
                   "format": "csv", "mediatype": "text/csv"},
                  {"name": "agreement_metrics-json", "title": "Money per agreement", "path": "data/agreement_metrics.json",
                   "format": "json", "mediatype": "application/json"}]}
                """);
    }

    @Test
    void patchesExistingResourcesCreatesNewOnesAndPatchesThePackage() throws Exception {
        release();
        try (FakeCkan ckan = new FakeCkan()) {
            int n = new CkanPublisher(ckan.url(), FakeCkan.TOKEN, "glasshouse", "https://t.example/")
                    .push(release, "2026-09-30-run7");
            assertThat(n).isEqualTo(3);
            assertThat(ckan.violations).isEmpty();
            assertThat(ckan.calls.stream().map(FakeCkan.Call::action).toList()).containsExactly(
                    "package_show", "resource_patch", "resource_create", "resource_create", "package_patch");
            assertThat(ckan.calls.get(1).body().toString()).isEqualTo("{\"id\":\"res-0001\","
                    + "\"url\":\"https://t.example/data/agreement_metrics.csv\",\"description\":\"Money per agreement\","
                    + "\"format\":\"CSV\",\"mimetype\":\"text/csv\",\"hash\":\"sha256:"
                    + Checksums.sha256(release.resolve("data/agreement_metrics.csv")) + "\",\"size\":6,"
                    + "\"last_modified\":\"2026-10-01T02:03:04\"}");
            assertThat(ckan.calls.get(2).body().get("package_id").asText()).isEqualTo("glasshouse");
            assertThat(ckan.calls.get(2).body().get("name").asText()).isEqualTo("agreement_metrics-json");
            assertThat(ckan.calls.get(3).body().get("url").asText()).isEqualTo("https://t.example/report.pdf");
            assertThat(ckan.calls.get(4).body().toString())
                    .isEqualTo("{\"id\":\"pkg-0001\",\"version\":\"2026-09-30-run7\"}");
        }
    }

    @Test
    void aRejectedTokenFailsLoudlyWithoutEchoingTheToken() throws Exception {
        release();
        try (FakeCkan ckan = new FakeCkan()) {
            assertThatThrownBy(() -> new CkanPublisher(ckan.url(), "wrong-token", "glasshouse", "https://t.example/")
                    .push(release, "r"))
                    .isInstanceOf(IOException.class)
                    .hasMessage("CKAN package_show failed (HTTP 403): "
                            + "{\"__type\":\"Authorization Error\",\"message\":\"Access denied\"}");
            assertThat(ckan.calls).isEmpty();
        }
    }

    @Test
    void anEmptyTokenIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> new CkanPublisher("http://127.0.0.1:1", " ", "d", "https://t.example/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("CKAN API token is empty");
    }
}
