package org.glasshouse.ingest;

import java.net.URI;
import java.util.regex.Pattern;

/** Partner-supplied names and addresses made safe to print: one line, no control characters, no credentials. */
final class Names {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u200E\\u200F\\u202A-\\u202E]");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)([?&](?:[^=&]*(?:token|key|secret|sig|signature|password|passwd|auth|credential|session)[^=&]*)=)[^&#]*");

    private Names() {}

    /** Control and direction-override characters become '?', so a name cannot forge lines or hide its end. */
    static String printable(String s) {
        return s == null ? null : CONTROL.matcher(s).replaceAll("?");
    }

    /** A URL without user info and with the values of credential-like query parameters masked. */
    static String redact(String url) {
        if (url == null) return null;
        String s = url;
        try {
            URI u = URI.create(url);
            if (u.getRawUserInfo() != null) s = s.replace(u.getRawUserInfo() + "@", "");
        } catch (IllegalArgumentException e) {
            s = s.replaceAll("//[^/@]*@", "//");
        }
        return printable(SECRET_PARAM.matcher(s).replaceAll("$1***"));
    }
}
