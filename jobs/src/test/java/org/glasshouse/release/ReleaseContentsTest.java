package org.glasshouse.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.glasshouse.publish.Checksums;
import org.glasshouse.report.PublicTable;
import org.glasshouse.reports.model.Column;
import org.glasshouse.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A release built from hostile inputs comes out complete, verifiable, escaped and disclosure-controlled. */
class ReleaseContentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path out;
    static Path first;
    static Path second;

    @BeforeAll
    static void publishTwoReleases() throws Exception {
        first = ReleaseFixture.publish(out, "1", 7);
        second = ReleaseFixture.publish(out, "2", 12);
    }

    private static String read(Path p) throws Exception {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void sha256sumVerifiesEveryRelease() throws Exception {
        for (Path release : List.of(first, second)) {
            Process p = new ProcessBuilder("sha256sum", "--strict", "-c", "SHA256SUMS").directory(release.toFile())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(log).isZero();
            assertThat(Checksums.verify(release)).isEmpty();
        }
        assertThat(out.resolve("site").toRealPath()).isEqualTo(second.toRealPath());
    }

    @Test
    void smallCellsAndTheCellsThatWouldRevealThemAreSuppressedInEveryFormat() throws Exception {
        Path data = first.resolve("data");
        assertThat(read(data.resolve("agreement_metrics.csv"))).isEqualTo(String.join("\r\n",
                "as_of,agreement_id,programme_id,partner_id,committed,disbursed,spent,disbursement_rate,"
                        + "absorption_rate,elapsed,pace_index,beneficiaries,units,cost_per_beneficiary,cost_per_unit,"
                        + "priority_share,notes",
                "2026-09-30,AGR-1,PRG-A,P1,1000.00,800.00,600.00,0.8000,0.7500,0.5000,1.2,120,300,5.00,2.00,0.3000,",
                "2026-09-30,AGR-2,PRG-A,P2,500.00,400.00,300.00,0.8000,0.7500,0.5000,1.2,[c],200,[c],1.50,[c],",
                "2026-09-30,AGR-3,PRG-A,P3,100.00,90.00,60.00,0.9000,0.6667,0.5000,1.2,[c],20,[c],3.00,[c],", ""));
        // P2's total equals its one agreement's hidden count, so it is hidden too; P3's is small itself.
        assertThat(read(data.resolve("partner_metrics.csv"))).isEqualTo(String.join("\r\n",
                "as_of,partner_id,partner_type,committed,disbursed,spent,beneficiaries,cost_per_beneficiary",
                "2026-09-30,P1,nonprofit,1000.00,800.00,600.00,120,5.00",
                "2026-09-30,P2,business,500.00,400.00,300.00,[c],[c]",
                "2026-09-30,P3,community,100.00,90.00,60.00,[c],[c]", ""));
        assertThat(read(data.resolve("reach_breakdown.csv"))).isEqualTo(String.join("\r\n",
                "as_of,programme_id,dimension,value,beneficiaries,share",
                "2026-09-30,PRG-A,sex,female,150,0.7300",
                "2026-09-30,PRG-A,sex,male,[c],[c]",
                "2026-09-30,PRG-A,sex,other,[c],[c]", ""));
        JsonNode json = JSON.readTree(data.resolve("agreement_metrics.json").toFile());
        assertThat(json.get(2).get("beneficiaries").asText()).isEqualTo("[c]");
        assertThat(json.get(2).get("cost_per_beneficiary").asText()).isEqualTo("[c]");
        assertThat(json.get(0).get("beneficiaries").asLong()).isEqualTo(120);
        var parquet = SharedSpark.get().read().parquet(data.resolve("agreement_metrics.parquet").toString())
                .orderBy("agreement_id").collectAsList();
        assertThat(parquet.get(0).getLong(parquet.get(0).fieldIndex("beneficiaries"))).isEqualTo(120L);
        assertThat(parquet.get(1).isNullAt(parquet.get(1).fieldIndex("beneficiaries"))).isTrue();
        assertThat(parquet.get(2).isNullAt(parquet.get(2).fieldIndex("cost_per_beneficiary"))).isTrue();
        // The pages show the same marker, never the hidden number.
        String page = read(first.resolve("programme-prg-a.html"));
        assertThat(page).contains("<td class=\"num marker\">[c]</td>").doesNotContain(">7<", ">80<");
    }

    /**
     * Release 1: AGR-3, its one-agreement partner P3 and the "other" sex group hold 7 people each. The programme's
     * 207 people are exactly its agreements' (overlap 0), so AGR-2 and P2 (80 each) go too, and the sex groups
     * cover the programme, so male (50) goes: 210 people in 3 further cells, which the audit checks with the range
     * the release states.
     */
    @Test
    void theDisclosureAuditIsPartOfTheReleaseAndTheMethodologySaysItInPlainWords() throws Exception {
        JsonNode audit = JSON.readTree(first.resolve("disclosure_audit.json").toFile());
        assertThat(audit.get("minimum_cell_size").asInt()).isEqualTo(10);
        assertThat(audit.get("protection_level").asInt()).isEqualTo(10);
        assertThat(audit.get("cells_suppressed").get("primary").asInt()).isEqualTo(3);
        assertThat(audit.get("cells_suppressed").get("secondary").asInt()).isEqualTo(3);
        assertThat(audit.get("passed").asBoolean()).isTrue();
        assertThat(audit.get("people_in_secondary_cells").get("low").asLong()).isLessThanOrEqualTo(210);
        assertThat(audit.get("people_in_secondary_cells").get("high").asLong()).isGreaterThanOrEqualTo(210);
        assertThat(read(first.resolve("SHA256SUMS"))).contains("disclosure_audit.json");
        assertThat(read(first.resolve("methodology.html"))).contains("3 small counts were suppressed, and 3 further "
                + "counts to protect them").contains("href=\"disclosure_audit.json\"");
    }

    @Test
    void partnerTextIsEscapedInHtmlAndSvgAndNeutralisedInCsv() throws Exception {
        for (Path f : files(first)) {
            String name = f.getFileName().toString();
            if (name.endsWith(".html") || name.endsWith(".svg")) {
                assertThat(read(f)).as(name).doesNotContainIgnoringCase("<script").doesNotContain("<b>Jobs");
            }
        }
        assertThat(read(first.resolve("partner-p2.html"))).contains("<h1>Partner: &lt;script&gt;alert(1)&lt;/script&gt;</h1>");
        assertThat(read(first.resolve("programme-prg-a.html"))).contains("Skills &amp; &lt;b&gt;Jobs&lt;/b&gt;");
        // JFreeSVG escapes the label it draws (wrapped onto two lines under the bar).
        assertThat(read(first.resolve("charts/cost-prg-a.svg"))).contains(">&lt;script&gt;alert(1)&lt;/script&gt; </text>");
        assertThat(read(first.resolve("data/partners.csv"))).isEqualTo(String.join("\r\n",
                "partner_id,name,partner_type,region_code",
                "P1,Northfield Trust,nonprofit,R01",
                "P2,<script>alert(1)</script>,business,R02",
                "P3,\"'=HYPERLINK(\"\"http://x\"\")\",community,R03", ""));
    }

    @Test
    void onlyAllowListedColumnsReachAnyPublicFile() throws Exception {
        for (PublicTable spec : ReleaseFixture.specs().values()) {
            List<String> allowed = spec.columns().stream().map(Column::name).toList();
            Path data = first.resolve("data");
            String header = read(data.resolve(spec.name() + ".csv")).split("\r\n")[0];
            assertThat(List.of(header.split(","))).as(spec.name()).isEqualTo(allowed);
            JsonNode rows = JSON.readTree(data.resolve(spec.name() + ".json").toFile());
            for (JsonNode row : rows) {
                List<String> keys = new ArrayList<>();
                row.fieldNames().forEachRemaining(keys::add);
                assertThat(keys).as(spec.name()).isEqualTo(allowed);
            }
            assertThat(List.of(SharedSpark.get().read().parquet(data.resolve(spec.name() + ".parquet").toString())
                    .columns())).as(spec.name()).isEqualTo(allowed);
        }
        Set<String> dataFiles = new TreeSet<>();
        for (Path f : files(first.resolve("data"))) dataFiles.add(f.getFileName().toString());
        Set<String> expected = new TreeSet<>();
        for (String t : ReleaseFixture.specs().keySet()) {
            expected.addAll(List.of(t + ".csv", t + ".json", t + ".parquet"));
        }
        expected.addAll(List.of("corrections.csv", "corrections.json", "corrections.parquet"));
        assertThat(dataFiles).isEqualTo(expected);
    }

    @Test
    void noBeneficiaryHashContactOrFreeTextAppearsAnywhereUnderTheSite() throws Exception {
        Pattern hex64 = Pattern.compile("(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])");
        Pattern email = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
        // Checksums of our own files are 64-hex by design; they live only in these catalogue files.
        Set<String> checksumFiles = Set.of("SHA256SUMS", "datapackage.json", "manifest.json");
        // The agency's published contact point is public by design (DCAT contactPoint), and so is the address
        // every page gives for reporting an error.
        Set<String> contactFiles = Set.of("data.json", "datapackage.json");
        for (Path f : files(out.resolve("releases"))) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            String name = f.getFileName().toString();
            assertThat(text).as(name).doesNotContain(ReleaseFixture.HASH, ReleaseFixture.DESCRIPTION,
                    ReleaseFixture.EMAIL, "jane.roe");
            if (name.endsWith(".parquet") || name.endsWith(".png") || name.endsWith(".pdf")) continue;
            if (!checksumFiles.contains(name)) assertThat(hex64.matcher(text).find()).as(name).isFalse();
            String withoutRoute = name.endsWith(".html") ? text.replace(ReleaseFixture.REPORT_ERROR, "") : text;
            if (!contactFiles.contains(name)) assertThat(email.matcher(withoutRoute).find()).as(name).isFalse();
        }
    }

    @Test
    void datapackageDescribesEveryFileWithHashBytesAndSchema() throws Exception {
        JsonNode dp = JSON.readTree(first.resolve("datapackage.json").toFile());
        assertThat(dp.get("profile").asText()).isEqualTo("tabular-data-package");
        assertThat(dp.get("name").asText()).isEqualTo("glasshouse-transparency");
        // Every table (and the corrections log) in three formats, plus the three 360Giving and IATI files.
        assertThat(dp.get("resources")).hasSize((ReleaseFixture.specs().size() + 1) * 3 + 3);
        for (JsonNode r : dp.get("resources")) {
            for (String field : List.of("name", "path", "format", "mediatype", "hash", "bytes")) {
                assertThat(r.hasNonNull(field)).as(r.get("path") + " " + field).isTrue();
            }
            Path file = first.resolve(r.get("path").asText());
            assertThat(r.get("hash").asText()).isEqualTo("sha256:" + Checksums.sha256(file));
            assertThat(r.get("bytes").asLong()).isEqualTo(Files.size(file));
            if (r.get("path").asText().startsWith("standards/")) {
                assertThat(r.get("description").asText()).contains("valid against");
                continue;
            }
            for (JsonNode f : r.get("schema").get("fields")) {
                assertThat(f.get("name").asText()).isNotBlank();
                assertThat(f.get("type").asText()).isIn("string", "integer", "number", "date");
                assertThat(f.get("description").asText()).isNotBlank();
            }
            assertThat(r.get("schema").get("missingValues").toString()).isEqualTo("[\"\",\"[c]\"]");
        }
        JsonNode am = dp.get("resources").get(0);
        assertThat(am.get("path").asText()).isEqualTo("data/agreement_metrics.csv");
        assertThat(am.get("schema").get("fields").get(11).toString()).isEqualTo(
                "{\"name\":\"beneficiaries\",\"type\":\"integer\",\"description\":\"Distinct people served.\"}");
    }

    @Test
    void dataJsonCarriesEveryRequiredDcatUsField() throws Exception {
        JsonNode cat = JSON.readTree(first.resolve("data.json").toFile());
        assertThat(cat.get("conformsTo").asText()).isEqualTo("https://project-open-data.cio.gov/v1.1/schema");
        JsonNode ds = cat.get("dataset").get(0);
        for (String f : List.of("title", "description", "keyword", "modified", "publisher", "contactPoint",
                "identifier", "accessLevel", "bureauCode", "programCode", "distribution", "license")) {
            assertThat(ds.hasNonNull(f)).as(f).isTrue();
        }
        assertThat(ds.get("modified").asText()).isEqualTo("2026-09-30");
        assertThat(ds.get("accessLevel").asText()).isEqualTo("public");
        assertThat(ds.get("publisher").get("name").asText()).isEqualTo("The Agency");
        assertThat(ds.get("contactPoint").get("fn").asText()).isEqualTo("Open data team");
        assertThat(ds.get("contactPoint").get("hasEmail").asText()).isEqualTo("mailto:opendata@agency.example");
        assertThat(ds.get("bureauCode").get(0).asText()).matches("\\d{3}:\\d{2}");
        assertThat(ds.get("programCode").get(0).asText()).matches("\\d{3}:\\d{3}");
        assertThat(ds.get("distribution")).hasSize((ReleaseFixture.specs().size() + 1) * 3 + 3 + 1);
        for (JsonNode d : ds.get("distribution")) {
            assertThat(d.get("downloadURL").asText()).startsWith("https://transparency.agency.example/");
            assertThat(d.get("mediaType").asText()).isNotBlank();
        }
    }

    @Test
    void manifestNamesRunInputsVersionsAndRules() throws Exception {
        JsonNode m = JSON.readTree(first.resolve("manifest.json").toFile());
        assertThat(m.get("run_id").asText()).isEqualTo("1");
        assertThat(m.get("release_id").asText()).isEqualTo("2026-09-30-run1");
        assertThat(m.get("as_of").asText()).isEqualTo("2026-09-30");
        assertThat(m.get("pipeline").get("version").asText()).isNotBlank();
        assertThat(m.get("pipeline").get("git_commit").asText()).matches("[0-9a-f]{40}|unknown");
        assertThat(m.get("inputs").toString()).isEqualTo("[{\"partner_id\":\"P1\",\"dataset\":\"services\","
                + "\"original_name\":\"services.csv\",\"format\":\"csv\",\"sha256\":\"" + "ab".repeat(32)
                + "\",\"size\":12},{\"partner_id\":\"P3\",\"dataset\":\"services\",\"original_name\":"
                + "\"services-2026-08.csv\",\"format\":\"csv\",\"sha256\":\"" + "7".repeat(64) + "\",\"size\":30}]");
        assertThat(m.get("rules").get("thresholds").get("spentOverDisbursed").asDouble()).isEqualTo(0.10);
        assertThat(m.get("rules").get("catalogue_sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(m.get("disclosure_control").get("minimum_cell_size").asInt()).isEqualTo(10);
    }

    @Test
    void theChangesPageKeepsACorrectionsLogOfWhatChangedFromWhatToWhatAndWhy() throws Exception {
        assertThat(read(first.resolve("changes.html"))).contains("This is the first release");
        String changes = read(second.resolve("changes.html")).replaceAll("\\s+", " ");
        assertThat(changes).contains("Compared with release 2026-09-30-run1");
        // What differs between the releases: P3 resubmitted a file.
        assertThat(changes).contains("<p>P3 resubmitted services-2026-08.csv.</p>");
        // AGR-3 grew from 7 (hidden) to 12 people after P3's resubmission; AGR-2 no longer needs hiding, and nothing
        // of P2's changed, so disclosure control is the only reason.
        assertThat(changes).contains(
                "<th scope=\"row\">agreement_metrics</th> <td>agreement_id=AGR-2</td> <td>beneficiaries</td> "
                        + "<td>[c]</td> <td>80</td> <td>Disclosure control no longer suppresses it</td>",
                "<td>agreement_id=AGR-3</td> <td>beneficiaries</td> <td>[c]</td> <td>12</td> "
                        + "<td>P3 resubmitted services-2026-08.csv; disclosure control no longer suppresses it</td>");
        // The log is open data too, and carries the earlier releases' entries forward.
        String log = read(second.resolve("data/corrections.csv"));
        assertThat(log).startsWith("release,previous_release,table,row,column,previous,current,reason\r\n")
                .contains("2026-09-30-run2,2026-09-30-run1,agreement_metrics,agreement_id=AGR-3,beneficiaries,[c],12,"
                        + "P3 resubmitted services-2026-08.csv; disclosure control no longer suppresses it\r\n");
        assertThat(read(first.resolve("data/corrections.csv")))
                .isEqualTo("release,previous_release,table,row,column,previous,current,reason\r\n");
        assertThat(first.resolve("index.html")).isRegularFile(); // the earlier release stays available
    }
}
