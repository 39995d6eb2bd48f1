package org.glasshouse.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.glasshouse.publish.Durable;

/**
 * The pseudonymisation key's fingerprint, and the rule that one output folder uses one key. Tokens made with two
 * keys cannot be compared (the same person would count twice), so the landing zone records the fingerprint of the
 * key its first run used ({@code landing/key.json}) and every later run must use the same key. The fingerprint is
 * an HMAC of a fixed label under the key: it identifies the key without revealing it or allowing refs to be tested.
 */
public final class LandingKey {

    /** The key of the 'sample' profile (config/application-sample.yml): public, for the bundled sample data only. */
    public static final String PUBLIC_SAMPLE_KEY = "glasshouse-sample-data-only";
    static final String LABEL = "glasshouse pseudonymisation key fingerprint v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is recorded: never the key. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Record(@JsonProperty("fingerprint") String fingerprint,
                         @JsonProperty("sample_key") boolean sampleKey,
                         @JsonProperty("recorded_at") String recordedAt) {}

    /** Thrown when a run's key is not the key its output folder (or the run being restarted) was started with. */
    public static final class MismatchException extends IllegalStateException {
        public MismatchException(String message) {
            super(message);
        }
    }

    private LandingKey() {}

    public static String fingerprint(String secret) {
        if (secret == null || secret.isBlank()) throw new IllegalArgumentException("the pseudonymisation key is empty");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(LABEL.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    public static boolean isPublicSampleKey(String secret) {
        return PUBLIC_SAMPLE_KEY.equals(secret);
    }

    public static Record recordFor(String secret, Instant now) {
        return new Record(fingerprint(secret), isPublicSampleKey(secret), now.toString());
    }

    public static Record read(Path file) throws IOException {
        return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), Record.class) : null;
    }

    public static void write(Path file, Record r) throws IOException {
        Durable.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(r));
    }

    /**
     * Records the key in a new landing zone, or checks it against the recorded one. A landing zone from before
     * fingerprints were recorded adopts the current key.
     */
    public static Record checkLandingZone(Path landing, String secret, Instant now) throws IOException {
        return checkLandingZone(org.glasshouse.storage.Location.of(landing), secret, now);
    }

    /** As above, for a landing zone on any store ({@code key.json} read and written through Hadoop's FileSystem). */
    public static Record checkLandingZone(org.glasshouse.storage.Location landing, String secret, Instant now)
            throws IOException {
        java.util.Optional<Path> local = landing.local();
        org.glasshouse.storage.Location file = landing.resolve("key.json");
        Record recorded = local.isPresent() ? read(local.get().resolve("key.json"))
                : file.isFile() ? JSON.readValue(file.readAllBytes(), Record.class) : null;
        Record mine = recordFor(secret, now);
        if (recorded == null) {
            if (local.isPresent()) write(local.get().resolve("key.json"), mine);
            else file.writeAtomically(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(mine));
            return mine;
        }
        if (!recorded.fingerprint().equals(mine.fingerprint())) {
            String started = local.isPresent() ? "the output folder " + local.get().getParent().getParent()
                    : "the landing zone " + landing;
            throw new MismatchException("This run's pseudonymisation key (fingerprint " + mine.fingerprint() + ") is "
                    + "not the key " + started + " was started with "
                    + "(fingerprint " + recorded.fingerprint() + (recorded.sampleKey() ? ", the public sample key" : "")
                    + "). Tokens made with two keys cannot be compared, so the run refuses to mix them: set "
                    + "GLASSHOUSE_HMAC_SECRET to the original key, or use a new --out folder for the new key "
                    + "(docs/operations.md, 'Keys').");
        }
        return recorded;
    }
}
