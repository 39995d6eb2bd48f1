package org.glasshouse.report;

import java.util.Locale;

/**
 * File names and chart ids for pages about a programme or partner. Ids come from reference data, so they are
 * reduced to a safe slug (the page title, not the file name, shows the real id and name).
 */
final class SiteNames {

    private SiteNames() {}

    static String slug(String id) {
        String s = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "x" + Integer.toHexString(id.hashCode()) : s;
    }

    static String programmePage(String programmeId) {
        return "programme-" + slug(programmeId) + ".html";
    }

    static String partnerPage(String partnerId) {
        return "partner-" + slug(partnerId) + ".html";
    }
}
