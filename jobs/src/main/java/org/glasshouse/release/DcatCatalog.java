package org.glasshouse.release;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.glasshouse.config.GlasshouseProperties;
import org.glasshouse.release.standards.StandardsFile;
import org.glasshouse.reports.model.DataTable;

/**
 * data.json in the DCAT-US 1.1 (Project Open Data) catalogue schema, so data.gov-style harvesters and CKAN's DCAT
 * harvester can pick the release up. Every required dataset field comes from glasshouse.release.* configuration;
 * each public file is a distribution with its downloadURL and mediaType.
 */
public final class DcatCatalog {

    private DcatCatalog() {}

    public static void write(Path site, List<DataTable> tables, List<StandardsFile> standards,
                             GlasshouseProperties.Release meta, String releaseId, String modified) throws IOException {
        ObjectNode cat = OpenDataPackage.JSON.createObjectNode();
        cat.put("@context", "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld");
        cat.put("@type", "dcat:Catalog");
        cat.put("conformsTo", "https://project-open-data.cio.gov/v1.1/schema");
        cat.put("describedBy", "https://project-open-data.cio.gov/v1.1/schema/catalog.json");
        ObjectNode ds = cat.putArray("dataset").addObject();
        ds.put("@type", "dcat:Dataset");
        ds.put("title", meta.getTitle());
        ds.put("description", meta.getDescription());
        ArrayNode kw = ds.putArray("keyword");
        meta.getKeywords().forEach(kw::add);
        ds.put("modified", modified);
        ObjectNode pub = ds.putObject("publisher");
        pub.put("@type", "org:Organization");
        pub.put("name", meta.getPublisher());
        ObjectNode contact = ds.putObject("contactPoint");
        contact.put("@type", "vcard:Contact");
        contact.put("fn", meta.getContactName());
        contact.put("hasEmail", "mailto:" + meta.getContactEmail());
        ds.put("identifier", meta.getIdentifier());
        ds.put("accessLevel", meta.getAccessLevel());
        ArrayNode bureau = ds.putArray("bureauCode");
        meta.getBureauCode().forEach(bureau::add);
        ArrayNode program = ds.putArray("programCode");
        meta.getProgramCode().forEach(program::add);
        ds.put("license", meta.getLicense());
        ds.put("landingPage", base(meta) + "index.html");
        ds.put("version", releaseId);
        ArrayNode dist = ds.putArray("distribution");
        for (DataTable t : tables) {
            for (String[] f : OpenDataPackage.FORMATS) {
                ObjectNode d = dist.addObject();
                d.put("@type", "dcat:Distribution");
                d.put("title", t.title() + " (" + f[0].toUpperCase(java.util.Locale.ROOT) + ")");
                d.put("downloadURL", base(meta) + "data/" + t.name() + "." + f[0]);
                d.put("mediaType", f[1]);
                d.put("format", f[0].toUpperCase(java.util.Locale.ROOT));
                d.put("describedBy", base(meta) + "datapackage.json");
                d.put("describedByType", "application/json");
            }
        }
        for (StandardsFile f : standards) {
            ObjectNode d = dist.addObject();
            d.put("@type", "dcat:Distribution");
            d.put("title", f.title());
            d.put("downloadURL", base(meta) + f.path());
            d.put("mediaType", f.mediaType());
            d.put("format", f.format());
            d.put("conformsTo", f.conformsTo());
        }
        ObjectNode pdf = dist.addObject();
        pdf.put("@type", "dcat:Distribution");
        pdf.put("title", "The report as one PDF");
        pdf.put("downloadURL", base(meta) + "report.pdf");
        pdf.put("mediaType", "application/pdf");
        pdf.put("format", "PDF");
        OpenDataPackage.JSON.writeValue(site.resolve("data.json").toFile(), cat);
    }

    private static String base(GlasshouseProperties.Release meta) {
        String b = meta.getBaseUrl();
        return b.endsWith("/") ? b : b + "/";
    }
}
