package org.glasshouse.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glasshouse.config.GlasshouseProperties;
import org.glasshouse.publish.Checksums;
import org.glasshouse.release.standards.StandardsFile;
import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Suppressed;

/**
 * datapackage.json (Frictionless Data Package v1): one resource per file of every public table (CSV, JSON, Parquet),
 * each with path, format, mediatype, sha256 hash, bytes and a Table Schema of typed, described fields, and one per
 * 360Giving or IATI file (with the standard it conforms to). "[c]" is
 * declared a missing value, so validators accept suppressed cells in numeric columns.
 */
public final class OpenDataPackage {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Formats every table is published in, with their media types. */
    public static final List<String[]> FORMATS = List.of(
            new String[] {"csv", "text/csv"}, new String[] {"json", "application/json"},
            new String[] {"parquet", "application/vnd.apache.parquet"});

    private OpenDataPackage() {}

    public static void write(Path site, List<DataTable> tables, List<StandardsFile> standards,
                             GlasshouseProperties.Release meta, String releaseId, String asOf) throws IOException {
        ObjectNode pkg = JSON.createObjectNode();
        pkg.put("profile", "tabular-data-package");
        pkg.put("name", meta.getIdentifier().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-"));
        pkg.put("id", meta.getIdentifier() + "/" + releaseId);
        pkg.put("title", meta.getTitle());
        pkg.put("description", meta.getDescription());
        pkg.put("version", releaseId);
        pkg.put("created", asOf);
        ArrayNode kw = pkg.putArray("keywords");
        meta.getKeywords().forEach(kw::add);
        ObjectNode lic = pkg.putArray("licenses").addObject();
        lic.put("path", meta.getLicense());
        lic.put("title", "Licence of the open data");
        ObjectNode pub = pkg.putArray("contributors").addObject();
        pub.put("title", meta.getPublisher());
        pub.put("email", meta.getContactEmail());
        pub.put("role", "publisher");
        ArrayNode resources = pkg.putArray("resources");
        for (DataTable t : tables) {
            for (String[] f : FORMATS) {
                String path = "data/" + t.name() + "." + f[0];
                Path file = site.resolve(path);
                if (!Files.isRegularFile(file)) throw new IOException("missing open-data file " + path);
                ObjectNode r = resources.addObject();
                r.put("name", (t.name() + (f[0].equals("csv") ? "" : "-" + f[0])).toLowerCase(java.util.Locale.ROOT));
                r.put("title", t.title());
                r.put("path", path);
                r.put("profile", f[0].equals("csv") ? "tabular-data-resource" : "data-resource");
                r.put("format", f[0]);
                r.put("mediatype", f[1]);
                if (!f[0].equals("parquet")) r.put("encoding", "utf-8");
                r.put("hash", "sha256:" + Checksums.sha256(file));
                r.put("bytes", Files.size(file));
                if (f[0].equals("parquet")) {
                    r.put("description", t.title() + ". Suppressed cells ([c] in the CSV) are null in Parquet.");
                }
                r.set("schema", schema(t));
            }
        }
        for (StandardsFile f : standards) {
            Path file = site.resolve(f.path());
            if (!Files.isRegularFile(file)) throw new IOException("missing standards file " + f.path());
            ObjectNode r = resources.addObject();
            r.put("name", f.path().substring(f.path().lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z0-9._-]", "-"));
            r.put("title", f.title());
            r.put("path", f.path());
            r.put("profile", "data-resource");
            r.put("format", f.format().toLowerCase(java.util.Locale.ROOT));
            r.put("mediatype", f.mediaType());
            r.put("encoding", "utf-8");
            r.put("hash", "sha256:" + Checksums.sha256(file));
            r.put("bytes", Files.size(file));
            r.put("description", f.title() + ", valid against " + f.conformsTo() + ". Built from the "
                    + "disclosure-controlled tables of this release.");
        }
        JSON.writeValue(site.resolve("datapackage.json").toFile(), pkg);
    }

    static ObjectNode schema(DataTable t) {
        ObjectNode s = JSON.createObjectNode();
        ArrayNode fields = s.putArray("fields");
        for (Column c : t.columns()) {
            ObjectNode f = fields.addObject();
            f.put("name", c.name());
            f.put("type", switch (c.type()) {
                case INTEGER, COUNT -> "integer";
                case MONEY, RATE, NUMBER, P_VALUE -> "number";
                case DATE -> "date";
                case TEXT, ID -> "string";
            });
            f.put("description", c.description() == null ? c.name() : c.description());
        }
        ArrayNode missing = s.putArray("missingValues");
        missing.add("");
        missing.add(Suppressed.MARKER);
        return s;
    }
}
