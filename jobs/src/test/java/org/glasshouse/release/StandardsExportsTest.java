package org.glasshouse.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.glasshouse.release.standards.IatiActivities;
import org.glasshouse.release.standards.ReleaseContext;
import org.glasshouse.release.standards.StandardsExports;
import org.glasshouse.release.standards.StandardsFile;
import org.glasshouse.release.standards.StandardsValidators;
import org.glasshouse.release.standards.ThreeSixtyGiving;
import org.glasshouse.report.DisclosureControl;
import org.glasshouse.report.ReleaseRelations;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Suppressed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The release's 360Giving and IATI files, built from the fixture's disclosure-controlled tables, pass the standards'
 * own schemas (360Giving JSON Schema 2020-12, IATI 2.03 XSD) and say exactly what the tables say.
 */
class StandardsExportsTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TempDir
    static Path site;
    static List<StandardsFile> files;
    static JsonNode grants;

    @BeforeAll
    static void export() throws Exception {
        Map<String, DataTable> safe = new DisclosureControl(10).protect(ReleaseFixture.specs(), ReleaseFixture.tables(7),
                ReleaseRelations.all()).tables();
        // AGR-2's latest actual is suppressed: the IATI period must leave it out rather than publish it.
        DataTable ir = safe.get("indicator_results");
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : ir.rows()) {
            List<Object> copy = new ArrayList<>(r);
            if ("AGR-2".equals(r.get(1))) copy.set(6, Suppressed.INSTANCE);
            rows.add(copy);
        }
        Map<String, DataTable> tables = new LinkedHashMap<>(safe);
        tables.put("indicator_results", new DataTable(ir.name(), ir.title(), ir.columns(), rows));
        files = StandardsExports.write(site, new ReleaseContext(LocalDate.of(2026, 9, 30), "2026-09-30-run1", "USD",
                tables, "The Agency", "https://transparency.agency.example/",
                "https://creativecommons.org/licenses/by/4.0/", ReleaseFixture.STANDARDS));
        grants = JSON.readTree(site.resolve(ThreeSixtyGiving.JSON_FILE).toFile());
    }

    @Test
    void theGrantPackageIsValid360GivingAndTheValidatorRejectsABrokenOne() {
        assertThat(StandardsValidators.validate360(grants)).isEmpty();
        ObjectNode broken = grants.deepCopy();
        ((ObjectNode) broken.get("grants").get(0)).put("awardDate", "2025-13-01");
        ((ObjectNode) broken.get("grants").get(1)).remove("currency");
        ((ObjectNode) broken.get("grants").get(2)).put("currency", "XYZ");
        List<String> errors = StandardsValidators.validate360(broken);
        assertThat(String.join("\n", errors)).contains("/grants/0/awardDate", "/grants/2/currency");
        assertThat(errors.stream().anyMatch(e -> e.startsWith("/grants/1"))).as(String.join("\n", errors)).isTrue();
    }

    @Test
    void eachAgreementIsAGrantWithItsTermsMoneyAndConfiguredIdentifiers() {
        assertThat(grants.get("version").asText()).isEqualTo("1.4");
        assertThat(grants.get("publisher").toString()).isEqualTo("{\"identifier\":\"XI-EXAMPLE-AGENCY\",\"name\":"
                + "\"The Agency\",\"website\":\"https://transparency.agency.example/\"}");
        assertThat(grants.get("grants")).hasSize(3);
        JsonNode g = grants.get("grants").get(0);
        assertThat(g.get("id").asText()).isEqualTo("360G-example-agency-AGR-1");
        assertThat(g.get("title").asText()).isEqualTo("Skills & <b>Jobs</b>: grant agreement with Northfield Trust");
        assertThat(g.get("currency").asText()).isEqualTo("USD");
        assertThat(g.get("amountAwarded").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(g.get("amountDisbursed").decimalValue()).isEqualByComparingTo("800.00");
        assertThat(g.get("awardDate").asText()).isEqualTo("2025-01-01");
        assertThat(g.get("plannedDates").toString())
                .isEqualTo("[{\"startDate\":\"2025-01-01\",\"endDate\":\"2026-12-31\",\"duration\":24}]");
        assertThat(g.get("recipientOrganization").toString())
                .isEqualTo("[{\"id\":\"XI-EXAMPLE-AGENCY-PARTNER-P1\",\"name\":\"Northfield Trust\"}]");
        assertThat(g.get("fundingOrganization").toString())
                .isEqualTo("[{\"id\":\"XI-EXAMPLE-AGENCY\",\"name\":\"The Agency\",\"department\":\"Dept\"}]");
        assertThat(g.get("grantProgramme").toString())
                .isEqualTo("[{\"code\":\"PRG-A\",\"title\":\"Skills & <b>Jobs</b>\"}]");
        assertThat(g.get("description").asText()).isEqualTo("Agreement AGR-1 of the programme Skills & <b>Jobs</b> "
                + "(Dept) with Northfield Trust, from 1 January 2025 to 31 December 2026. As of 30 September 2026, "
                + "USD 800.00 had been paid out and the partner reported spending USD 600.00.");
        // AGR-3 was awarded in pounds: the award keeps its own currency, and no dollar disbursement is mixed in.
        JsonNode gbp = grants.get("grants").get(2);
        assertThat(gbp.get("currency").asText()).isEqualTo("GBP");
        assertThat(gbp.get("amountAwarded").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(gbp.has("amountDisbursed")).isFalse();
    }

    @Test
    void theFlattenedCsvHasTheStandardsTitlesAndTurnsBackIntoTheSameValidGrants() throws Exception {
        Path csv = site.resolve(ThreeSixtyGiving.CSV_FILE);
        ArrayNode fromCsv = JSON.createArrayNode();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            assertThat(p.getHeaderNames()).containsExactly("Identifier", "Title", "Description", "Currency",
                    "Amount Awarded", "Amount Disbursed", "Award Date", "Planned Dates:Start Date",
                    "Planned Dates:End Date", "Planned Dates:Duration (months)", "Recipient Org:Identifier",
                    "Recipient Org:Name", "Funding Org:Identifier", "Funding Org:Name", "Funding Org:Department",
                    "Grant Programme:Code", "Grant Programme:Title", "Last Modified", "Data Source");
            for (CSVRecord rec : p) fromCsv.add(unflatten(rec));
        }
        // The partner named like a spreadsheet formula is neutralised in the CSV (and only there).
        assertThat(Files.readString(csv)).contains(",\"'=HYPERLINK(\"\"http://x\"\")\",");
        assertThat(grants.get("grants").get(2).get("recipientOrganization").get(0).get("name").asText())
                .isEqualTo(ReleaseFixture.FORMULA);
        ObjectNode pkg = JSON.createObjectNode();
        pkg.set("grants", fromCsv);
        assertThat(StandardsValidators.validate360(pkg)).isEmpty();
        for (int i = 0; i < 3; i++) {
            ObjectNode expected = grants.get("grants").get(i).deepCopy();
            if (i == 2) ((ObjectNode) expected.get("recipientOrganization").get(0)).put("name", "'" + ReleaseFixture.FORMULA);
            // Both read the same way, so numbers compare by value (1000.00 in the CSV, 1000.00 in the JSON).
            assertThat(JSON.readTree(fromCsv.get(i).toString())).as("grant " + i).isEqualTo(expected);
        }
    }

    /** 360Giving's flattening rule: "Parent:Child" titles are fields of the first object of the array. */
    private static ObjectNode unflatten(CSVRecord rec) {
        Map<String, String[]> paths = Map.ofEntries(
                Map.entry("Identifier", new String[] {"id"}), Map.entry("Title", new String[] {"title"}),
                Map.entry("Description", new String[] {"description"}), Map.entry("Currency", new String[] {"currency"}),
                Map.entry("Amount Awarded", new String[] {"amountAwarded"}),
                Map.entry("Amount Disbursed", new String[] {"amountDisbursed"}),
                Map.entry("Award Date", new String[] {"awardDate"}),
                Map.entry("Planned Dates:Start Date", new String[] {"plannedDates", "startDate"}),
                Map.entry("Planned Dates:End Date", new String[] {"plannedDates", "endDate"}),
                Map.entry("Planned Dates:Duration (months)", new String[] {"plannedDates", "duration"}),
                Map.entry("Recipient Org:Identifier", new String[] {"recipientOrganization", "id"}),
                Map.entry("Recipient Org:Name", new String[] {"recipientOrganization", "name"}),
                Map.entry("Funding Org:Identifier", new String[] {"fundingOrganization", "id"}),
                Map.entry("Funding Org:Name", new String[] {"fundingOrganization", "name"}),
                Map.entry("Funding Org:Department", new String[] {"fundingOrganization", "department"}),
                Map.entry("Grant Programme:Code", new String[] {"grantProgramme", "code"}),
                Map.entry("Grant Programme:Title", new String[] {"grantProgramme", "title"}),
                Map.entry("Last Modified", new String[] {"dateModified"}),
                Map.entry("Data Source", new String[] {"dataSource"}));
        ObjectNode g = JSON.createObjectNode();
        for (String title : rec.getParser().getHeaderNames()) {
            String v = rec.get(title);
            if (v.isEmpty()) continue;
            String[] path = paths.get(title);
            String field = path[path.length - 1];
            ObjectNode target = g;
            if (path.length == 2) {
                ArrayNode arr = g.has(path[0]) ? (ArrayNode) g.get(path[0]) : g.putArray(path[0]);
                target = arr.isEmpty() ? arr.addObject() : (ObjectNode) arr.get(0);
            }
            switch (field) {
                case "amountAwarded", "amountDisbursed" -> target.put(field, new java.math.BigDecimal(v));
                case "duration" -> target.put(field, Long.parseLong(v));
                default -> target.put(field, v);
            }
        }
        return g;
    }

    @Test
    void theIatiFileIsValid203AndTheValidatorRejectsABrokenOne() throws Exception {
        Path xml = site.resolve(IatiActivities.FILE);
        assertThat(StandardsValidators.validateIati(xml)).isEmpty();
        Path broken = site.resolve("broken.xml");
        // A transaction without its required value, and an activity without its reporting-org.
        Files.writeString(broken, Files.readString(xml).replaceFirst("(?s)<value [^>]*>[^<]*</value>", "")
                .replaceFirst("(?s)<reporting-org .*?</reporting-org>", ""));
        assertThat(StandardsValidators.validateIati(broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void programmesAndAgreementsAreActivitiesWithTransactionsAndResults() throws Exception {
        Document doc = parse(site.resolve(IatiActivities.FILE));
        List<Element> activities = elements(doc.getDocumentElement(), "iati-activity");
        assertThat(activities.stream().map(a -> text(a, "iati-identifier")).toList()).containsExactly(
                "XI-EXAMPLE-AGENCY-PRG-A", "XI-EXAMPLE-AGENCY-AGR-1", "XI-EXAMPLE-AGENCY-AGR-2",
                "XI-EXAMPLE-AGENCY-AGR-3");
        Element programme = activities.get(0);
        assertThat(programme.getAttribute("hierarchy")).isEqualTo("1");
        assertThat(elements(programme, "related-activity").stream().map(e -> e.getAttribute("ref") + "/"
                + e.getAttribute("type")).toList()).containsExactly("XI-EXAMPLE-AGENCY-AGR-1/2",
                "XI-EXAMPLE-AGENCY-AGR-2/2", "XI-EXAMPLE-AGENCY-AGR-3/2");
        Element agr1 = activities.get(1);
        assertThat(agr1.getAttribute("hierarchy")).isEqualTo("2");
        assertThat(elements(agr1, "participating-org").stream().map(e -> e.getAttribute("role") + ":"
                + e.getAttribute("ref")).toList()).containsExactly("1:XI-EXAMPLE-AGENCY",
                "4:XI-EXAMPLE-AGENCY-PARTNER-P1");
        List<String> tx = new ArrayList<>();
        for (Element t : elements(agr1, "transaction")) {
            Element v = elements(t, "value").get(0);
            tx.add(elements(t, "transaction-type").get(0).getAttribute("code") + " "
                    + elements(t, "transaction-date").get(0).getAttribute("iso-date") + " " + v.getTextContent() + " "
                    + v.getAttribute("currency"));
        }
        // Commitment at the start, then disbursements and expenditures to the as-of date.
        assertThat(tx).containsExactly("2 2025-01-01 1000.00 USD", "3 2026-09-30 800.00 USD", "4 2026-09-30 600.00 USD");
        Element indicator = elements(agr1, "indicator").get(0);
        assertThat(text(indicator, "narrative")).isEqualTo("People in work after six months");
        assertThat(indicator.getAttribute("measure")).isEqualTo("1");
        assertThat(indicator.getAttribute("ascending")).isEqualTo("1");
        assertThat(elements(indicator, "baseline").get(0).getAttribute("value")).isEqualTo("10");
        Element period = elements(indicator, "period").get(0);
        assertThat(elements(period, "period-start").get(0).getAttribute("iso-date")).isEqualTo("2026-08-01");
        assertThat(elements(period, "period-end").get(0).getAttribute("iso-date")).isEqualTo("2026-08-31");
        assertThat(elements(period, "target").get(0).getAttribute("value")).isEqualTo("20");
        assertThat(elements(period, "actual").get(0).getAttribute("value")).isEqualTo("16");
        // A suppressed figure is left out, never published.
        Element agr2Period = elements(elements(activities.get(2), "indicator").get(0), "period").get(0);
        assertThat(elements(agr2Period, "target")).hasSize(1);
        assertThat(elements(agr2Period, "actual")).isEmpty();
    }

    @Test
    void theFilesCarryNoPeopleCountsPersonalDataOrFreeText() throws Exception {
        assertThat(files).extracting(StandardsFile::path).containsExactly(ThreeSixtyGiving.JSON_FILE,
                ThreeSixtyGiving.CSV_FILE, IatiActivities.FILE);
        for (StandardsFile f : files) {
            String text = Files.readString(site.resolve(f.path()));
            assertThat(text).as(f.path()).doesNotContain(ReleaseFixture.HASH, ReleaseFixture.DESCRIPTION,
                    ReleaseFixture.EMAIL).doesNotContainIgnoringCase("beneficiar");
        }
    }

    /** With -Dglasshouse.site=PATH, the standards files of that release (e.g. a nightly's) are validated too. */
    @Test
    void aGivenReleasesStandardsFilesAreValid() throws Exception {
        String given = System.getProperty("glasshouse.site");
        org.junit.jupiter.api.Assumptions.assumeTrue(given != null && !given.isBlank(), "no -Dglasshouse.site given");
        Path release = Path.of(given);
        assertThat(StandardsValidators.validate360(JSON.readTree(release.resolve(ThreeSixtyGiving.JSON_FILE).toFile())))
                .isEmpty();
        assertThat(StandardsValidators.validateIati(release.resolve(IatiActivities.FILE))).isEmpty();
    }

    private static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(xml.toFile());
    }

    private static List<Element> elements(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
        return out;
    }

    private static String text(Element root, String tag) {
        return elements(root, tag).get(0).getTextContent();
    }
}
