package org.glasshouse.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads config/partners.yml: the partners and each one's source. A partner that is not listed, or has no source,
 * uses its drop folder. Ids and URLs are checked here, before anything uses them: an id must be a safe id (it names
 * folders), a URL must be http or https and carry no credentials (tokens come from the environment).
 */
public final class PartnerSources {

    private PartnerSources() {}

    /** From the given file if present, else the embedded classpath:/config/partners.yml, else none. */
    public static List<PartnerSource> load(Path file) throws IOException {
        if (file != null && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return parse(in);
            }
        }
        try (InputStream in = PartnerSources.class.getResourceAsStream("/config/partners.yml")) {
            return in == null ? List.of() : parse(in);
        }
    }

    static List<PartnerSource> parse(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        List<PartnerSource> out = new ArrayList<>();
        if (root == null) return out;
        for (JsonNode p : root.path("partners")) {
            String id = p.path("id").asText();
            if (!DatasetNaming.SAFE_ID.matcher(id).matches()) {
                throw new IOException("partners.yml: '" + id + "' is not a valid partner id");
            }
            JsonNode s = p.path("source");
            String type = s.path("type").asText("directory").toLowerCase(Locale.ROOT);
            if (type.equals("directory")) {
                out.add(PartnerSource.directory(id));
                continue;
            }
            if (!type.equals("http")) throw new IOException("partners.yml: partner " + id + ": unknown source type " + type);
            List<PartnerSource.Download> downloads = new ArrayList<>();
            for (JsonNode u : s.path("urls")) {
                String url = u.isTextual() ? u.asText() : u.path("url").asText();
                URI uri;
                try {
                    uri = URI.create(url);
                } catch (IllegalArgumentException e) {
                    throw new IOException("partners.yml: partner " + id + ": not a valid URL: " + Names.redact(url));
                }
                if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                        || uri.getHost() == null) {
                    throw new IOException("partners.yml: partner " + id + ": not an http(s) URL: " + Names.redact(url));
                }
                if (uri.getRawUserInfo() != null) {
                    throw new IOException("partners.yml: partner " + id + ": a URL must not carry a user name or "
                            + "password (" + Names.redact(url) + "); put a token in an environment variable named by "
                            + "bearer_token_env");
                }
                String name = u.isTextual() ? null : u.path("file_name").asText(null);
                if (name == null) {
                    String path = uri.getPath() == null ? "" : uri.getPath();
                    name = path.substring(path.lastIndexOf('/') + 1);
                }
                downloads.add(new PartnerSource.Download(url, DatasetNaming.safeFileName(name)));
            }
            out.add(new PartnerSource(id, PartnerSource.Kind.HTTP, List.copyOf(downloads),
                    s.hasNonNull("bearer_token_env") ? s.path("bearer_token_env").asText() : null,
                    Duration.ofMillis(s.path("connect_timeout_ms").asLong(10_000)),
                    Duration.ofMillis(s.path("read_timeout_ms").asLong(60_000)),
                    s.path("retries").asInt(3), Duration.ofMillis(s.path("backoff_ms").asLong(500)),
                    Duration.ofMillis(s.path("deadline_ms").asLong(600_000)), s.path("max_bytes").asLong(0)));
        }
        return out;
    }
}
