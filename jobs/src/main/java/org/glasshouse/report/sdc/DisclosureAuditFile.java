package org.glasshouse.report.sdc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the audit: its public summary into the release (disclosure_audit.json, covered by SHA256SUMS like every
 * file of the release) and the per-cell findings, which size the small counts, beside the staging folder in the
 * run's private directory.
 */
public final class DisclosureAuditFile {

    public static final String PUBLIC = "disclosure_audit.json";
    public static final String PRIVATE = "disclosure-audit-private.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DisclosureAuditFile() {}

    public static void write(Path site, Path privateFile, DisclosureAudit audit) throws IOException {
        Files.createDirectories(site);
        JSON.writeValue(site.resolve(PUBLIC).toFile(), audit.publicSummary());
        Map<String, Object> all = new LinkedHashMap<>(audit.publicSummary());
        all.put("people_in_secondary_cells_exact", audit.peopleHidden());
        all.put("solver_millis", audit.millis());
        List<Map<String, Object>> cells = new ArrayList<>();
        for (DisclosureAudit.CellAudit c : audit.cells()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cell", c.cell());
            m.put("value", c.value());
            m.put("lower", c.interval().lower());
            m.put("upper", c.interval().upper());
            m.put("needed_below", c.neededBelow());
            m.put("needed_above", c.neededAbove());
            m.put("protection_reduced_by_structure", c.reduced());
            m.put("protected", c.protectedEnough());
            cells.add(m);
        }
        all.put("primary_cells", cells);
        Files.createDirectories(privateFile.toAbsolutePath().getParent());
        JSON.writeValue(privateFile.toFile(), all);
    }
}
