package org.glasshouse.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CKAN stand-in on 127.0.0.1 that checks every request against CKAN's documented Action API (docs.ckan.org,
 * "API guide"): POST to /api/3/action/&lt;action&gt; with a JSON object body, the API token in the Authorization
 * header, the documented required parameters (id for package_show / package_patch / resource_patch, package_id for
 * resource_create), resource fields of the documented names and types (size an integer, last_modified an ISO date
 * string, url an http(s) URL), and answers with CKAN's {"success", "result"|"error"} envelope.
 */
final class FakeCkan implements AutoCloseable {

    static final String TOKEN = "test-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RESOURCE_FIELDS = Set.of("id", "package_id", "url", "name", "description",
            "format", "mimetype", "hash", "size", "last_modified");

    record Call(String action, JsonNode body) {}

    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final HttpServer server;

    FakeCkan() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/3/action/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        String action = ex.getRequestURI().getPath().substring("/api/3/action/".length());
        if (!ex.getRequestMethod().equals("POST")) violations.add(action + ": method " + ex.getRequestMethod());
        String ct = ex.getRequestHeaders().getFirst("Content-Type");
        if (ct == null || !ct.startsWith("application/json")) violations.add(action + ": content type " + ct);
        if (!TOKEN.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            reply(ex, 403, Map.of("success", false, "error",
                    error("Authorization Error", "Access denied")));
            return;
        }
        JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
        calls.add(new Call(action, body));
        if (!body.isObject()) violations.add(action + ": body is not a JSON object");
        switch (action) {
            case "package_show" -> {
                require(action, body, "id");
                if (!body.path("id").asText().equals("glasshouse")) {
                    reply(ex, 404, Map.of("success", false, "error",
                            error("Not Found Error", "Not found")));
                    return;
                }
                reply(ex, 200, Map.of("success", true, "result", Map.of("id", "pkg-0001", "name", "glasshouse",
                        "resources", List.of(Map.of("id", "res-0001", "name", "agreement_metrics")))));
                return;
            }
            case "package_patch" -> require(action, body, "id");
            case "resource_patch" -> {
                require(action, body, "id");
                resourceFields(action, body);
            }
            case "resource_create" -> {
                require(action, body, "package_id");
                resourceFields(action, body);
            }
            default -> {
                reply(ex, 400, Map.of("success", false, "error", error("Bad request",
                        "Action name not known: " + action)));
                return;
            }
        }
        reply(ex, 200, Map.of("success", true, "result", body));
    }

    /** CKAN's error object, keys in CKAN's order (Map.of would shuffle them between JVMs). */
    private static Map<String, String> error(String type, String message) {
        Map<String, String> e = new java.util.LinkedHashMap<>();
        e.put("__type", type);
        e.put("message", message);
        return e;
    }

    private void require(String action, JsonNode body, String field) {
        if (!body.hasNonNull(field) || body.get(field).asText().isBlank()) violations.add(action + ": no " + field);
    }

    private void resourceFields(String action, JsonNode body) {
        body.fieldNames().forEachRemaining(f -> {
            if (!RESOURCE_FIELDS.contains(f)) violations.add(action + ": unexpected field " + f);
        });
        if (!body.path("size").isIntegralNumber()) violations.add(action + ": size is not an integer");
        if (!body.path("last_modified").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?")) {
            violations.add(action + ": last_modified is not an ISO date string");
        }
        if (!body.path("url").asText().matches("https?://.+")) violations.add(action + ": url " + body.path("url"));
        if (!body.path("hash").asText().matches("sha256:[0-9a-f]{64}")) violations.add(action + ": hash");
    }

    private static void reply(HttpExchange ex, int status, Object body) throws IOException {
        byte[] b = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
