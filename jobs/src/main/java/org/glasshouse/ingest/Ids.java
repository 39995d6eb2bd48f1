package org.glasshouse.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short ids derived by hashing, for files and findings. */
final class Ids {

    private Ids() {}

    static String fileId(String partnerId, String dataset, String source, String sha256) {
        return hash(partnerId + '\u0000' + dataset + '\u0000' + source + '\u0000' + sha256);
    }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
