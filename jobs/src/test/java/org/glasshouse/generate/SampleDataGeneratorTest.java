package org.glasshouse.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {
    private static final int N = 1500;
    private static final long SEED = 7L;

    @TempDir
    static Path shared;
    private static Path dir;
    private static GenerationSummary summary;

    @BeforeAll
    static void generateOnce() throws IOException {
        dir = shared.resolve("set");
        summary = SampleDataGenerator.generate(dir, N, SEED);
    }

    @Test
    void sameArgumentsGiveByteIdenticalFiles(@TempDir Path other) throws IOException {
        GenerationSummary again = SampleDataGenerator.generate(other, N, SEED);
        List<String> first = relativeFiles(dir);
        assertThat(relativeFiles(other)).isEqualTo(first);
        for (String rel : first) {
            assertThat(Files.mismatch(dir.resolve(rel), other.resolve(rel))).as(rel).isEqualTo(-1L);
        }
        assertThat(again).isEqualTo(summary);
    }

    @Test
    void regeneratingIntoTheSameDirectoryReplacesTheOldSet(@TempDir Path target) throws IOException {
        SampleDataGenerator.generate(target, 3000, 1L);
        SampleDataGenerator.generate(target, N, SEED);
        for (String rel : relativeFiles(dir)) {
            assertThat(Files.mismatch(dir.resolve(rel), target.resolve(rel))).as(rel).isEqualTo(-1L);
        }
        assertThat(relativeFiles(target)).isEqualTo(relativeFiles(dir));
    }

    @Test
    void anotherSeedChangesTheDataButNotTheCounts(@TempDir Path other) throws IOException {
        GenerationSummary s = SampleDataGenerator.generate(other, N, SEED + 1);
        assertThat(s.services()).isEqualTo(N);
        assertThat(s.transactions()).isEqualTo(summary.transactions());
        assertThat(s.results()).isEqualTo(summary.results());
        assertThat(s.plantedProblems()).hasSameSizeAs(summary.plantedProblems());
        assertThat(Files.mismatch(dir.resolve("inbox/P01/services-2025-06.csv"), other.resolve("inbox/P01/services-2025-06.csv")))
                .isNotEqualTo(-1L);
    }

    @Test
    void layoutAndHeadersAreTheContract() throws IOException {
        assertThat(firstLine("reference/partners.csv")).isEqualTo("partner_id,name,partner_type,region_code,registered_id");
        assertThat(firstLine("reference/programmes.csv")).isEqualTo("programme_id,name,agency,sector,start_date,end_date,budget,currency");
        assertThat(firstLine("reference/agreements.csv")).isEqualTo(
                "agreement_id,programme_id,partner_id,start_date,end_date,committed_amount,currency,payment_model,reporting_due_day");
        assertThat(firstLine("reference/indicators.csv")).isEqualTo("indicator_id,programme_id,name,unit,direction");
        assertThat(firstLine("reference/regions.csv")).isEqualTo("region_code,name,priority_target_share");
        assertThat(firstLine("reference/fx_rates.csv")).isEqualTo("currency,month,rate_to_reporting_currency");
        assertThat(firstLine("inbox/P01/services-2025-04.csv")).isEqualTo(
                "record_id,agreement_id,service_date,beneficiary_ref,service_type,units,region_code,age_band,sex,priority_group,flex_case_ref");
        assertThat(firstLine("inbox/P02/transactions.csv")).isEqualTo("transaction_id,agreement_id,date,type,amount,currency,description");
        assertThat(firstLine("inbox/P01/results.csv")).isEqualTo("agreement_id,indicator_id,period,baseline,target,actual");
        assertThat(firstLine("inbox/P01/outcome_measurements.csv")).isEqualTo(
                "agreement_id,beneficiary_ref,indicator_id,measured_on,phase,group,value");
        assertThat(firstLine("inbox/P01/_submissions.csv")).isEqualTo("file_name,submitted_at");
        assertThat(firstLine("inbox/P01/transactions.jsonl")).startsWith("{\"transaction_id\":\"TRX-P01-000001\",");

        for (String rel : relativeFiles(dir)) {
            String text = Files.readString(dir.resolve(rel), StandardCharsets.UTF_8);
            assertThat(text).as(rel).doesNotContain("\r").endsWith("\n");
            if (rel.startsWith("inbox/")) {
                assertThat(rel).matches("inbox/P0[1-8]/(services-\\d{4}-\\d{2}\\.csv|transactions\\.(csv|jsonl)|results\\.csv"
                        + "|outcome_measurements\\.csv|_submissions\\.csv)");
            }
        }
        assertThat(rows("reference/partners.csv")).extracting(r -> r.get(2))
                .containsExactlyInAnyOrder("nonprofit", "business", "academic", "community", "government", "nonprofit",
                        "community", "business");
        assertThat(rows("reference/partners.csv")).extracting(r -> r.get(4)).contains("");
        assertThat(rows("reference/agreements.csv")).extracting(r -> r.get(7)).contains("outcomes_based");
        assertThat(rows("reference/indicators.csv")).extracting(r -> r.get(4)).contains("decrease");
    }

    @Test
    void rowCountsAreExact() throws IOException {
        assertThat(summary.services()).isEqualTo(N);
        assertThat(summary.partners()).isEqualTo(8);
        assertThat(summary.programmes()).isEqualTo(3);
        assertThat(summary.agreements()).isEqualTo(12);
        assertThat(summary.fxRates()).isEqualTo(18);
        assertThat(summary.transactions()).isEqualTo(1000); // max(N/10, 1000)
        assertThat(summary.plantedInvalidServices()).isEqualTo(Plants.SERVICES.size());
        assertThat(summary.plantedInvalidTransactions()).isEqualTo(Plants.TRANSACTIONS.size());

        Map<String, Long> perDataset = new HashMap<>();
        for (String rel : relativeFiles(dir)) {
            if (!rel.startsWith("inbox/") && !rel.startsWith("reference/")) {
                continue;
            }
            long lines = Files.readAllLines(dir.resolve(rel), StandardCharsets.UTF_8).size();
            long dataRows = rel.endsWith(".jsonl") ? lines : lines - 1;
            assertThat(summary.rowsPerFile()).as(rel).containsEntry(rel, dataRows);
            perDataset.merge(ReadmeWriter.datasetOf(rel), dataRows, Long::sum);
        }
        assertThat(summary.rowsPerFile()).hasSize((int) relativeFiles(dir).stream()
                .filter(f -> f.startsWith("inbox/") || f.startsWith("reference/")).count());
        summary.rowsPerDataset().forEach((ds, count) -> assertThat(perDataset.get(ds)).as(ds).isEqualTo(count));
    }

    @Test
    void referencesResolveExceptThePlantedOnes() throws IOException {
        Map<String, List<String>> agreements = new HashMap<>();
        rows("reference/agreements.csv").forEach(r -> agreements.put(r.get(0), r));
        Map<String, String> indicatorProgramme = new HashMap<>();
        rows("reference/indicators.csv").forEach(r -> indicatorProgramme.put(r.get(0), r.get(1)));
        Set<String> regions = rows("reference/regions.csv").stream().map(r -> r.get(0)).collect(Collectors.toSet());
        Set<String> planted = summary.plantedProblems().stream().filter(PlantedProblem::rowInvalid)
                .map(PlantedProblem::recordId).collect(Collectors.toSet());
        Set<String> servedRefs = new HashSet<>();
        Set<String> recordIds = new HashSet<>();
        int invalidSeen = 0;
        for (String rel : relativeFiles(dir)) {
            if (!rel.matches("inbox/P\\d+/services-.*")) {
                continue;
            }
            String partner = rel.substring(6, 9);
            List<List<String>> rows = rows(rel);
            for (int i = 0; i < rows.size(); i++) {
                List<String> r = rows.get(i);
                assertThat(recordIds.add(r.get(0))).as("unique record_id " + r.get(0)).isTrue();
                assertThat(r.get(0)).startsWith("SRV-" + partner + "-");
                if (planted.contains(r.get(0))) {
                    invalidSeen++;
                    PlantedProblem p = summary.plantedProblems().stream().filter(x -> x.recordId().equals(r.get(0)))
                            .findFirst().orElseThrow();
                    assertThat(p.file()).isEqualTo(rel);
                    assertThat(p.line()).isEqualTo(i + 2L);
                    continue;
                }
                assertThat(r).as(rel + " line " + (i + 2)).hasSize(11);
                List<String> agreement = agreements.get(r.get(1));
                assertThat(agreement).as("agreement " + r.get(1)).isNotNull();
                assertThat(agreement.get(2)).isEqualTo(partner);
                assertThat(r.get(2)).isBetween(agreement.get(3), agreement.get(4)).startsWith(rel.substring(19, 26));
                assertThat(r.get(3)).matches("BEN-\\d{6,}");
                assertThat(Double.parseDouble(r.get(5))).isPositive();
                assertThat(regions).contains(r.get(6));
                assertThat(r.get(7)).isIn("0-17", "18-24", "25-44", "45-64", "65+", "unknown");
                assertThat(r.get(8)).isIn("female", "male", "other", "unknown");
                assertThat(r.get(9)).isIn("true", "false");
                servedRefs.add(r.get(3));
            }
        }
        assertThat(invalidSeen).isEqualTo(summary.plantedInvalidServices());
        assertThat(servedRefs).hasSizeGreaterThan(100);

        for (String rel : relativeFiles(dir)) {
            if (rel.endsWith("/results.csv")) {
                for (List<String> r : rows(rel)) {
                    assertThat(indicatorProgramme.get(r.get(1))).isEqualTo(agreements.get(r.get(0)).get(1));
                    assertThat(r.get(2)).matches("\\d{4}-(\\d{2}|Q[1-4])");
                }
            }
            if (rel.endsWith("/outcome_measurements.csv")) {
                for (List<String> r : rows(rel)) {
                    assertThat(agreements.get(r.get(0)).get(2)).isEqualTo(rel.substring(6, 9));
                    assertThat(servedRefs.contains(r.get(1))).as(r.toString()).isEqualTo(r.get(5).equals("participant"));
                    assertThat(r.get(4)).isIn("baseline", "followup");
                }
            }
        }
    }

    @Test
    void transactionsAreValidExceptThePlantedOnes() throws IOException {
        Set<String> planted = summary.plantedProblems().stream().filter(PlantedProblem::rowInvalid)
                .map(PlantedProblem::recordId).collect(Collectors.toSet());
        Pattern amount = Pattern.compile("\"amount\":([-0-9.]+),");
        Pattern type = Pattern.compile("\"type\":\"([a-z]+)\"");
        Pattern id = Pattern.compile("\"transaction_id\":\"([^\"]+)\"");
        int invalid = 0;
        int refunds = 0;
        for (String rel : relativeFiles(dir)) {
            if (!rel.contains("/transactions.")) {
                continue;
            }
            List<String[]> parsed = new ArrayList<>(); // id, type, amount
            if (rel.endsWith(".jsonl")) {
                for (String line : Files.readAllLines(dir.resolve(rel))) {
                    Matcher a = amount.matcher(line);
                    Matcher t = type.matcher(line);
                    Matcher i = id.matcher(line);
                    assertThat(i.find() && t.find()).isTrue();
                    parsed.add(new String[]{i.group(1), t.group(1), a.find() ? a.group(1) : "not-a-number"});
                }
            } else {
                for (List<String> r : rows(rel)) {
                    assertThat(r).hasSize(7);
                    parsed.add(new String[]{r.get(0), r.get(3), r.get(4)});
                }
            }
            for (String[] t : parsed) {
                if (planted.contains(t[0])) {
                    invalid++;
                    continue;
                }
                assertThat(t[1]).isIn("disbursement", "expenditure", "refund");
                assertThat(t[2]).matches("\\d+\\.\\d{2}");
                assertThat(Double.parseDouble(t[2])).isPositive();
                refunds += t[1].equals("refund") ? 1 : 0;
            }
        }
        assertThat(invalid).isEqualTo(summary.plantedInvalidTransactions());
        assertThat(refunds).isGreaterThanOrEqualTo(1);
    }

    @Test
    void submissionsListEveryFileAndOnlyOneMonthIsMissing() throws IOException {
        int services = 0;
        for (String partner : List.of("P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08")) {
            Set<String> listed = rows("inbox/" + partner + "/_submissions.csv").stream().map(r -> r.get(0))
                    .collect(Collectors.toSet());
            try (Stream<Path> files = Files.list(dir.resolve("inbox/" + partner))) {
                Set<String> present = files.map(p -> p.getFileName().toString()).filter(f -> !f.startsWith("_"))
                        .collect(Collectors.toSet());
                assertThat(listed).isEqualTo(present);
                services += (int) present.stream().filter(f -> f.startsWith("services-")).count();
            }
            rows("inbox/" + partner + "/_submissions.csv")
                    .forEach(r -> assertThat(r.get(1)).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
        }
        assertThat(services).isEqualTo(summary.serviceFiles());
        assertThat(dir.resolve("inbox/P05/services-2025-12.csv")).doesNotExist();
        assertThat(dir.resolve("inbox/P05/services-2025-11.csv")).exists();
        assertThat(rows("inbox/P08/_submissions.csv")).contains(List.of("services-2026-02.csv", "2026-03-29T10:15:00Z"));
    }

    @Test
    void plantedProblemsAreDocumentedWithTheirLines() throws IOException {
        assertThat(summary.plantedProblems()).extracting(PlantedProblem::dataset)
                .contains("services", "transactions", "agreements", "submissions");
        for (PlantedProblem p : summary.plantedProblems()) {
            if (p.line() > 0) {
                String line = Files.readAllLines(dir.resolve(p.file())).get((int) p.line() - 1);
                assertThat(line).as(p.toString()).contains(p.recordId());
            }
        }
        String readme = Files.readString(dir.resolve("README.md"));
        assertThat(readme).contains("| services | " + summary.serviceFiles() + " | " + N + " | 28 | " + (N - 28) + " |");
        for (PlantedProblem p : summary.plantedProblems()) {
            assertThat(readme).contains(p.recordId()).contains(p.file());
        }
        assertThat(Files.readAllLines(dir.resolve("planted-problems.csv"))).hasSize(summary.plantedProblems().size() + 1);
    }

    @Test
    void mainPrintsTheSummaryAndRejectsTooSmallSets(@TempDir Path out) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            SampleDataGenerator.main(new String[]{"--services", "1200", "--out", out.toString()});
        } finally {
            System.setOut(original);
        }
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("services=1200 seed=" + SampleDataGenerator.DEFAULT_SEED)
                .contains("1200 rows");
        assertThatThrownBy(() -> SampleDataGenerator.generate(out, 999, 1L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void transactionsStopGrowingAtTheCapSoEveryLargeSetKeepsItsPlantedProblems(@TempDir Path out) throws IOException {
        // Up to 2,000,000 services the count was N/10; beyond, the planted non-Benford partner's amounts (rounded to
        // 50.00, at least 50.00) overspent AGR-008 and generation failed. Capped, every set from 1,000,000 services
        // on has the transactions of the cap: checking them here checks 20,000,000 too.
        assertThat(TransactionFiles.count(1500)).isEqualTo(1000);
        assertThat(TransactionFiles.count(20_000)).isEqualTo(2000);
        assertThat(TransactionFiles.count(2_000_000)).isEqualTo(TransactionFiles.MAX_TRANSACTIONS);
        assertThat(TransactionFiles.count(20_000_000)).isEqualTo(100_000);

        OutputSet set = new OutputSet(out);
        Ledger ledger = new Ledger(ReferenceCatalog.AGREEMENTS.size());
        TransactionFiles tx = new TransactionFiles(set, ledger, SampleDataGenerator.DEFAULT_SEED);
        tx.write(20_000_000);
        assertThat(tx.rows).isEqualTo(100_000);
        assertThat(tx.plantedInvalid).isEqualTo(Plants.TRANSACTIONS.size());
        AggregatePlants.record(set, ledger); // throws when an overspend or over-disbursement is not the planted one

        Map<String, Double> mad = new java.util.TreeMap<>();
        for (var partner : ReferenceCatalog.PARTNERS) {
            List<Double> amounts = new ArrayList<>();
            for (String line : Files.readAllLines(out.resolve("inbox/" + partner.id() + "/" + partner.transactionsFile()))) {
                Matcher m = Pattern.compile("expenditure(\",\"amount\":|,)(\\d+\\.\\d{2}),").matcher(line);
                if (m.find() && Double.parseDouble(m.group(2)) > 0) amounts.add(Double.parseDouble(m.group(2)));
            }
            assertThat(amounts).as(partner.id()).hasSizeGreaterThan(12_000);
            double[] a = amounts.stream().mapToDouble(Double::doubleValue).toArray();
            mad.put(partner.id(), org.glasshouse.metrics.stats.BenfordTest.of(
                    org.glasshouse.metrics.stats.BenfordTest.countFirstDigits(a)).mad());
        }
        // Only the planted partner fails Benford's law (Nigrini's nonconformity bound 0.015); the others conform.
        mad.forEach((partner, m) -> assertThat(m).as("MAD of " + partner)
                .satisfies(v -> assertThat(v > 0.015).isEqualTo(partner.equals(Plants.BENFORD_FAIL_PARTNER))));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static List<String> relativeFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static String firstLine(String rel) throws IOException {
        return Files.readAllLines(dir.resolve(rel), StandardCharsets.UTF_8).get(0);
    }

    /** Data rows of a CSV file (header dropped), parsed with RFC 4180 quoting. */
    private static List<List<String>> rows(String rel) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(rel), StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(parseCsvLine(line));
        }
        return rows;
    }

    static List<String> parseCsvLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields;
    }
}
