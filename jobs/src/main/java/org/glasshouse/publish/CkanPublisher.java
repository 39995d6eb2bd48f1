package org.glasshouse.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a published release to a CKAN portal through its Action API (POST /api/3/action/&lt;action&gt;, JSON body,
 * API token in the Authorization header). Each resource of datapackage.json, plus the PDF, becomes a CKAN resource
 * linked to its public URL: an existing resource of the same name is updated with resource_patch, a new one is
 * added with resource_create; both set hash, size and last_modified. package_patch then records the release as
 * the dataset's version. The portal links to the files, so the checksums it shows are those of the release.
 */
public final class CkanPublisher {

    private static final Logger log = LoggerFactory.getLogger(CkanPublisher.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CKAN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final URI api;
    private final String token;
    private final String dataset;
    private final String publicBaseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    public CkanPublisher(String ckanUrl, String token, String dataset, String publicBaseUrl) {
        if (token == null || token.isBlank()) throw new IllegalArgumentException("CKAN API token is empty");
        this.api = URI.create(ckanUrl.endsWith("/") ? ckanUrl : ckanUrl + "/").resolve("api/3/action/");
        this.token = token;
        this.dataset = dataset;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl : publicBaseUrl + "/";
    }

    /** Returns the number of resources patched or created. */
    public int push(Path release, String releaseId) throws IOException, InterruptedException {
        JsonNode pkg = call("package_show", JSON.createObjectNode().put("id", dataset));
        Map<String, String> existing = new HashMap<>();
        for (JsonNode r : pkg.path("resources")) existing.put(r.path("name").asText(), r.path("id").asText());

        JsonNode dp = JSON.readTree(release.resolve("datapackage.json").toFile());
        int n = 0;
        for (JsonNode r : dp.path("resources")) {
            n += resource(existing, r.path("name").asText(), r.path("title").asText(), r.path("path").asText(),
                    r.path("format").asText(), r.path("mediatype").asText(), release);
        }
        n += resource(existing, "report-pdf", "The report as one PDF", "report.pdf", "pdf", "application/pdf", release);
        ObjectNode patch = JSON.createObjectNode().put("id", pkg.path("id").asText(dataset)).put("version", releaseId);
        call("package_patch", patch);
        log.info("Pushed release {} to CKAN dataset {} ({} resources)", releaseId, dataset, n);
        return n;
    }

    private int resource(Map<String, String> existing, String name, String title, String path, String format,
                         String mediaType, Path release) throws IOException, InterruptedException {
        Path file = release.resolve(path);
        ObjectNode body = JSON.createObjectNode();
        String id = existing.get(name);
        if (id != null) body.put("id", id);
        else body.put("package_id", dataset).put("name", name);
        body.put("url", publicBaseUrl + path);
        body.put("description", title);
        body.put("format", format.toUpperCase(java.util.Locale.ROOT));
        body.put("mimetype", mediaType);
        body.put("hash", "sha256:" + Checksums.sha256(file));
        body.put("size", Files.size(file));
        body.put("last_modified", CKAN_TIME.format(Instant.ofEpochMilli(Files.getLastModifiedTime(file).toMillis())));
        call(id != null ? "resource_patch" : "resource_create", body);
        return 1;
    }

    private JsonNode call(String action, ObjectNode body) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(api.resolve(action)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = JSON.readTree(res.body());
        } catch (IOException e) {
            throw new IOException("CKAN " + action + " answered HTTP " + res.statusCode() + " without JSON", e);
        }
        if (res.statusCode() != 200 || !json.path("success").asBoolean(false)) {
            // CKAN's error object names the field and problem; the token is never part of it.
            throw new IOException("CKAN " + action + " failed (HTTP " + res.statusCode() + "): " + json.path("error"));
        }
        return json.path("result");
    }
}
