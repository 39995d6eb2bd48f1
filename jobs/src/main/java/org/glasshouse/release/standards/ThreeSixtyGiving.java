package org.glasshouse.release.standards;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.render.CellFormatter;
import org.glasshouse.reports.render.CsvTableWriter;

/**
 * The agreements as 360Giving grants (standard 1.4): a JSON grant package valid against
 * 360-giving-package-schema.json, and the same grants as the flattened CSV with the standard's column titles
 * ("Recipient Org:Identifier"), which 360Giving's tools turn back into the JSON. Titles and descriptions are written
 * from reference data and figures only (never partners' free text); no count of people is included.
 */
public final class ThreeSixtyGiving {

    public static final String JSON_FILE = "standards/360giving-grants.json";
    public static final String CSV_FILE = "standards/360giving-grants.csv";
    public static final String SCHEMA =
            "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.3/schema/360-giving-package-schema.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The flattened CSV's columns: 360Giving's column titles and the JSON path each stands for. */
    static final List<String[]> CSV_COLUMNS = List.of(
            new String[] {"Identifier", "id"}, new String[] {"Title", "title"},
            new String[] {"Description", "description"}, new String[] {"Currency", "currency"},
            new String[] {"Amount Awarded", "amountAwarded"}, new String[] {"Amount Disbursed", "amountDisbursed"},
            new String[] {"Award Date", "awardDate"},
            new String[] {"Planned Dates:Start Date", "plannedDates/0/startDate"},
            new String[] {"Planned Dates:End Date", "plannedDates/0/endDate"},
            new String[] {"Planned Dates:Duration (months)", "plannedDates/0/duration"},
            new String[] {"Recipient Org:Identifier", "recipientOrganization/0/id"},
            new String[] {"Recipient Org:Name", "recipientOrganization/0/name"},
            new String[] {"Funding Org:Identifier", "fundingOrganization/0/id"},
            new String[] {"Funding Org:Name", "fundingOrganization/0/name"},
            new String[] {"Funding Org:Department", "fundingOrganization/0/department"},
            new String[] {"Grant Programme:Code", "grantProgramme/0/code"},
            new String[] {"Grant Programme:Title", "grantProgramme/0/title"},
            new String[] {"Last Modified", "dateModified"}, new String[] {"Data Source", "dataSource"});

    private ThreeSixtyGiving() {}

    /** Writes both files; returns nothing written (an empty list) when the release has no agreement. */
    public static List<StandardsFile> write(Path site, ReleaseContext c) throws IOException {
        List<Agreement> agreements = Agreement.all(c);
        if (agreements.isEmpty()) return List.of();
        ObjectNode pkg = JSON.createObjectNode();
        ArrayNode grants = pkg.putArray("grants");
        List<List<Object>> rows = new ArrayList<>();
        for (Agreement a : agreements) {
            ObjectNode g = grant(a, c);
            grants.add(g);
            rows.add(flatten(g));
        }
        pkg.put("version", "1.4");
        pkg.put("title", c.publisher() + ": grants and agreements as of " + c.asOf());
        pkg.put("description", "The agency's agreements with its partners, from the Glasshouse transparency release "
                + c.releaseId() + ".");
        pkg.put("issued", c.asOf().toString());
        pkg.put("modified", c.asOfTimestamp());
        pkg.put("identifier", c.ids().grantIdPrefix() + c.releaseId());
        ObjectNode publisher = pkg.putObject("publisher");
        publisher.put("identifier", c.ids().organisationId());
        publisher.put("name", c.publisher());
        publisher.put("website", c.baseUrl());
        pkg.put("downloadURL", c.baseUrl() + JSON_FILE);
        pkg.put("accessURL", c.baseUrl() + "downloads.html");
        pkg.put("license", c.license());
        Path json = site.resolve(JSON_FILE);
        Files.createDirectories(json.getParent());
        JSON.writeValue(json.toFile(), pkg);

        List<Column> columns = new ArrayList<>();
        for (String[] col : CSV_COLUMNS) {
            ColumnType type = switch (col[1]) {
                case "amountAwarded", "amountDisbursed" -> ColumnType.MONEY;
                case "plannedDates/0/duration" -> ColumnType.INTEGER;
                default -> ColumnType.TEXT;
            };
            columns.add(new Column(col[0], type, null));
        }
        CsvTableWriter.write(new DataTable("360giving-grants", "360Giving grants", columns, rows), site.resolve(CSV_FILE));
        return List.of(
                new StandardsFile(JSON_FILE, "Agreements as 360Giving grants (JSON package)", "JSON",
                        "application/json", SCHEMA),
                new StandardsFile(CSV_FILE, "Agreements as 360Giving grants (flattened CSV)", "CSV", "text/csv",
                        SCHEMA));
    }

    static ObjectNode grant(Agreement a, ReleaseContext c) {
        ObjectNode g = JSON.createObjectNode();
        g.put("id", c.ids().grantIdPrefix() + a.id());
        String model = a.paymentModel().isBlank() ? "agreement"
                : a.paymentModel().replace('_', '-') + " agreement";
        g.put("title", a.programmeName() + ": " + model + " with " + a.partnerName());
        g.put("description", description(a, c));
        g.put("currency", a.awardCurrency().toUpperCase(Locale.ROOT));
        if (a.awarded() != null) g.put("amountAwarded", a.awarded());
        if (a.disbursed() != null && a.awardCurrency().equalsIgnoreCase(c.currency())) {
            g.put("amountDisbursed", a.disbursed());
        }
        g.put("awardDate", (a.start() != null ? a.start() : c.asOf()).toString());
        if (a.start() != null && a.end() != null) {
            ObjectNode dates = g.putArray("plannedDates").addObject();
            dates.put("startDate", a.start().toString());
            dates.put("endDate", a.end().toString());
            if (a.months() != null) dates.put("duration", a.months());
        }
        ObjectNode recipient = g.putArray("recipientOrganization").addObject();
        recipient.put("id", c.ids().partnerIdPrefix() + a.partnerId());
        recipient.put("name", a.partnerName());
        ObjectNode funder = g.putArray("fundingOrganization").addObject();
        funder.put("id", c.ids().organisationId());
        funder.put("name", c.publisher());
        if (!a.agency().isBlank()) funder.put("department", a.agency());
        ObjectNode programme = g.putArray("grantProgramme").addObject();
        programme.put("code", a.programmeId());
        programme.put("title", a.programmeName());
        g.put("dateModified", c.asOfTimestamp());
        g.put("dataSource", c.baseUrl() + "index.html");
        return g;
    }

    private static String description(Agreement a, ReleaseContext c) {
        StringBuilder s = new StringBuilder("Agreement ").append(a.id()).append(" of the programme ")
                .append(a.programmeName());
        if (!a.agency().isBlank()) s.append(" (").append(a.agency()).append(')');
        s.append(" with ").append(a.partnerName());
        if (a.start() != null && a.end() != null) {
            s.append(", from ").append(CellFormatter.display(a.start(), ColumnType.DATE)).append(" to ")
                    .append(CellFormatter.display(a.end(), ColumnType.DATE));
        }
        s.append('.');
        if (a.disbursed() != null && a.spent() != null) {
            s.append(" As of ").append(CellFormatter.display(c.asOf(), ColumnType.DATE)).append(", ")
                    .append(c.currency()).append(' ').append(CellFormatter.display(a.disbursed(), ColumnType.MONEY))
                    .append(" had been paid out and the partner reported spending ").append(c.currency()).append(' ')
                    .append(CellFormatter.display(a.spent(), ColumnType.MONEY)).append('.');
        }
        return s.toString();
    }

    /** The grant as one CSV row, in {@link #CSV_COLUMNS} order (empty where the grant has no value). */
    static List<Object> flatten(ObjectNode g) {
        Object[] row = new Object[CSV_COLUMNS.size()];
        for (int i = 0; i < row.length; i++) {
            var node = g.at("/" + CSV_COLUMNS.get(i)[1]);
            row[i] = node.isMissingNode() || node.isNull() ? null : node.isNumber() ? (Object) node.decimalValue()
                    : node.asText();
        }
        return Arrays.asList(row);
    }

}
