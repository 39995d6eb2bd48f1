package org.glasshouse.validate.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One pass over a file's bytes: is it valid UTF-8, and does it hold any valid multi-byte sequence (evidence that it
 * is UTF-8, so a few bad bytes are damage, not another encoding)?
 */
record Utf8Scan(boolean valid, long multiByte, long invalid) {

    static Utf8Scan of(Path file) throws IOException {
        return of(Files.newInputStream(file));
    }

    /** Scans the stream to its end, and closes it. */
    static Utf8Scan of(InputStream stream) throws IOException {
        long multi = 0;
        long bad = 0;
        int need = 0;      // continuation bytes still expected
        int seqLen = 0;
        int first = 0;     // lead byte of the current sequence
        try (InputStream in = stream) {
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                for (int i = 0; i < n; i++) {
                    int b = buf[i] & 0xFF;
                    if (need > 0) {
                        boolean cont = (b & 0xC0) == 0x80;
                        // second byte ranges that rule out overlongs and surrogates
                        if (cont && seqLen - need == 1) {
                            if (first == 0xE0 && b < 0xA0 || first == 0xED && b > 0x9F
                                    || first == 0xF0 && b < 0x90 || first == 0xF4 && b > 0x8F) {
                                cont = false;
                            }
                        }
                        if (cont) {
                            if (--need == 0) multi++;
                            continue;
                        }
                        bad++;
                        need = 0; // re-read this byte as a lead byte
                    }
                    if (b < 0x80) continue;
                    if (b >= 0xC2 && b <= 0xDF) {
                        need = 1;
                    } else if (b >= 0xE0 && b <= 0xEF) {
                        need = 2;
                    } else if (b >= 0xF0 && b <= 0xF4) {
                        need = 3;
                    } else {
                        bad++;
                        continue;
                    }
                    seqLen = need + 1;
                    first = b;
                }
            }
        }
        if (need > 0) bad++;
        return new Utf8Scan(bad == 0, multi, bad);
    }
}
