package org.glasshouse.validate.read;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a person reference by HMAC-SHA256 under a secret key. The same ref gives the same token everywhere (so
 * people can still be counted once across partners), but without the key nobody can test a guessed ref.
 */
public final class Pseudonymiser implements Serializable {

    private final byte[] key;
    private transient Mac mac;

    public Pseudonymiser(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the pseudonymisation secret is empty");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String token(String ref) {
        if (ref == null || ref.isBlank()) return ref;
        try {
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
            }
            return HexFormat.of().formatHex(mac.doFinal(ref.trim().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
