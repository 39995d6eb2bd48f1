package org.glasshouse.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.render.CellFormatter;

/**
 * Why a published figure changed between two releases, read from what their manifests record: the partner files
 * each used (a new or resubmitted file of the partner the figure is about), the agency's reference data, the
 * validation rules and their severity overrides, the integrity thresholds, the as-of date, the minimum cell size and
 * the pipeline version. A figure moving to or from [c] also names disclosure control.
 */
final class ChangeReasons {

    /** The partner id the landing zone gives the agency's own reference files. */
    static final String REFERENCE = "_reference";
    private static final int FILES_NAMED = 3;

    private final Map<String, List<String>> byPartner = new TreeMap<>();
    private final List<String> global = new ArrayList<>();
    private final boolean versionChanged;
    private final String version;

    /** What a release was made from, as its manifest.json records it. */
    record Facts(String asOf, Map<String, String> inputs, String rules, JsonNode severity, JsonNode thresholds,
                 Integer k, String version) {

        static Facts of(JsonNode manifest) {
            Map<String, String> inputs = new LinkedHashMap<>();
            for (JsonNode in : manifest.path("inputs")) {
                inputs.put(in.path("partner_id").asText() + "\u0000" + in.path("dataset").asText() + "\u0000"
                        + in.path("original_name").asText(), in.path("sha256").asText());
            }
            JsonNode rules = manifest.path("rules");
            JsonNode k = manifest.path("disclosure_control").path("minimum_cell_size");
            return new Facts(manifest.path("as_of").asText(null), inputs, rules.path("catalogue_sha256").asText(null),
                    rules.path("severity_overrides"), rules.path("thresholds"), k.isMissingNode() ? null : k.asInt(),
                    manifest.path("pipeline").path("version").asText("") + "+"
                            + manifest.path("pipeline").path("git_commit").asText(""));
        }

        static Facts read(Path manifestJson) throws IOException {
            if (manifestJson == null || !Files.isRegularFile(manifestJson)) return null;
            return of(OpenDataPackage.JSON.readTree(manifestJson.toFile()));
        }
    }

    ChangeReasons(Facts before, Facts now) {
        if (before == null || now == null) {
            versionChanged = false;
            version = "";
            global.add("the previous release has no manifest to compare with");
            return;
        }
        for (var e : now.inputs().entrySet()) {
            String[] k = e.getKey().split("\u0000", -1);
            String was = before.inputs().get(e.getKey());
            if (was == null) note(k[0], (k[0].equals(REFERENCE) ? "the agency added reference file " : k[0]
                    + " sent a new " + k[1] + " file, ") + k[2]);
            else if (!was.equals(e.getValue())) note(k[0], (k[0].equals(REFERENCE) ? "the agency changed reference "
                    + "file " : k[0] + " resubmitted ") + k[2]);
        }
        for (String key : before.inputs().keySet()) {
            if (now.inputs().containsKey(key)) continue;
            String[] k = key.split("\u0000", -1);
            note(k[0], (k[0].equals(REFERENCE) ? "reference file " + k[2] : k[0] + "'s file " + k[2])
                    + " is no longer an input");
        }
        if (!Objects.equals(before.asOf(), now.asOf())) {
            global.add("a later as-of date (" + written(now.asOf()) + ", was " + written(before.asOf())
                    + "), so more activity is counted");
        }
        if (!Objects.equals(before.rules(), now.rules()) || !Objects.equals(text(before.severity()), text(now.severity()))) {
            global.add("the validation rules changed");
        }
        if (!before.thresholds().isMissingNode() && !Objects.equals(text(before.thresholds()), text(now.thresholds()))) {
            global.add("integrity thresholds changed (" + thresholdChanges(before.thresholds(), now.thresholds()) + ")");
        }
        if (before.k() != null && !before.k().equals(now.k())) {
            global.add("the minimum cell size changed from " + before.k() + " to " + now.k());
        }
        versionChanged = !Objects.equals(before.version(), now.version());
        version = now.version();
    }

    private void note(String partner, String what) {
        if (partner.equals(REFERENCE)) global.add(what);
        else byPartner.computeIfAbsent(partner, p -> new ArrayList<>()).add(what);
    }

    /** Every difference found, for the changes page's summary. */
    List<String> causes() {
        List<String> out = new ArrayList<>(global);
        for (var e : byPartner.entrySet()) out.add(limited(e.getValue()));
        if (versionChanged) out.add("a new pipeline version (" + version + ")");
        return out;
    }

    /** The reason for one changed figure of a row about the given partners. */
    String reason(Set<String> partners, String was, String now) {
        Set<String> parts = new LinkedHashSet<>();
        for (String p : partners) {
            List<String> files = byPartner.get(p);
            if (files != null) parts.add(limited(files));
        }
        parts.addAll(global);
        if ("[c]".equals(now) && !"[c]".equals(was)) parts.add("disclosure control now suppresses it");
        if ("[c]".equals(was) && !"[c]".equals(now)) parts.add("disclosure control no longer suppresses it");
        if (parts.isEmpty() && versionChanged) parts.add("a new pipeline version (" + version + ")");
        if (parts.isEmpty()) {
            return "no change in the inputs, rules, thresholds or as-of date explains it; please report it";
        }
        String s = String.join("; ", parts);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String limited(List<String> files) {
        if (files.size() <= FILES_NAMED) return String.join("; ", files);
        return String.join("; ", files.subList(0, FILES_NAMED)) + " and " + (files.size() - FILES_NAMED)
                + " more files";
    }

    private static String thresholdChanges(JsonNode before, JsonNode now) {
        List<String> out = new ArrayList<>();
        now.fieldNames().forEachRemaining(f -> {
            if (!Objects.equals(text(before.path(f)), text(now.path(f)))) {
                out.add(f + " " + before.path(f).asText() + " to " + now.path(f).asText());
            }
        });
        return String.join(", ", out);
    }

    private static String text(JsonNode n) {
        return n == null || n.isMissingNode() ? "" : n.toString();
    }

    private static String written(String isoDate) {
        return isoDate == null ? "unknown" : CellFormatter.display(isoDate, ColumnType.DATE);
    }

    /** The thresholds as the manifest records them. */
    static ObjectNode thresholds(Object thresholds) {
        return OpenDataPackage.JSON.valueToTree(thresholds);
    }
}
