package org.glasshouse.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.glasshouse.contract.ContractCatalog;

/**
 * manifest.json: what a release was made from, so an auditor can reproduce it: the run, the as-of date, every input
 * file's SHA-256 and size (from the run's inputs.json, without private paths), the pipeline version and git commit,
 * the fingerprint of the validation rule catalogue with its severity overrides, and the metric tables.
 */
public final class ReleaseManifest {

    /** Fields of inputs.json that are safe and useful to publish. */
    private static final List<String> INPUT_FIELDS =
            List.of("partner_id", "dataset", "original_name", "format", "sha256", "size", "submitted_at");

    private ReleaseManifest() {}

    /** @param thresholds the integrity thresholds in force (metrics.Thresholds), or null */
    public record Facts(String runId, String releaseId, String asOf, Path inputsJson, String contractsDir,
                        Map<String, String> severityOverrides, List<String> metricTables, int k, Object thresholds) {}

    public static void write(Path site, Facts f) throws IOException {
        ObjectNode m = OpenDataPackage.JSON.createObjectNode();
        m.put("run_id", f.runId());
        m.put("release_id", f.releaseId());
        m.put("as_of", f.asOf());
        ObjectNode p = m.putObject("pipeline");
        p.put("version", BuildInfo.version());
        p.put("git_commit", BuildInfo.gitCommit());
        ArrayNode inputs = m.putArray("inputs");
        if (Files.isRegularFile(f.inputsJson())) {
            for (JsonNode in : OpenDataPackage.JSON.readTree(f.inputsJson().toFile())) {
                ObjectNode o = inputs.addObject();
                for (String k : INPUT_FIELDS) if (in.has(k)) o.set(k, in.get(k));
            }
        }
        ObjectNode rules = m.putObject("rules");
        rules.put("catalogue_sha256", rulesFingerprint(f.contractsDir()));
        rules.set("severity_overrides", OpenDataPackage.JSON.valueToTree(f.severityOverrides()));
        // Thresholds decide the integrity flags: the changes page names a threshold change as a reason.
        if (f.thresholds() != null) rules.set("thresholds", OpenDataPackage.JSON.valueToTree(f.thresholds()));
        ObjectNode metrics = m.putObject("metrics");
        metrics.put("version", BuildInfo.version() + "+" + BuildInfo.gitCommit());
        ArrayNode tables = metrics.putArray("tables");
        f.metricTables().forEach(tables::add);
        m.putObject("disclosure_control").put("minimum_cell_size", f.k());
        OpenDataPackage.JSON.writeValue(site.resolve("manifest.json").toFile(), m);
    }

    /** SHA-256 over the contract files in dataset order: the rules' version (a rule change changes it). */
    static String rulesFingerprint(String contractsDir) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String d : ContractCatalog.DATASETS) {
                Path custom = contractsDir == null || contractsDir.isBlank() ? null
                        : Path.of(contractsDir).resolve(d + ".yml");
                try (InputStream in = custom != null && Files.isRegularFile(custom) ? Files.newInputStream(custom)
                        : ReleaseManifest.class.getResourceAsStream("/config/contracts/" + d + ".yml")) {
                    if (in != null) md.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
