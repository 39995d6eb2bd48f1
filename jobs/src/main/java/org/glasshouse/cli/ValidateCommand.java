package org.glasshouse.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.glasshouse.config.GlasshouseProperties;
import org.glasshouse.contract.Contract;
import org.glasshouse.contract.ContractCatalog;
import org.glasshouse.feedback.FeedbackRows;
import org.glasshouse.feedback.FeedbackWriter;
import org.glasshouse.ingest.DatasetNaming;
import org.glasshouse.ingest.LandedFile;
import org.glasshouse.nightly.FeedbackFiles;
import org.glasshouse.spark.SparkSessionProvider;
import org.glasshouse.validate.DatasetValidator;
import org.glasshouse.validate.FileAccount;
import org.glasshouse.validate.ValidationReport;
import org.glasshouse.validate.ValidationRun;
import org.glasshouse.validate.read.Pseudonymiser;
import org.glasshouse.validate.rules.SeverityPolicy;
import org.glasshouse.validate.rules.StandardChecks;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code validate FILE --dataset D --partner P [--reference DIR]}: validates one file exactly as the nightly run
 * would (same contracts, rules, severities and feedback writer) against the reference data in DIR, and prints its
 * feedback. Nothing is stored: the work folder is temporary and deleted, the job repository is not used.
 * Exit code 0 when the file has no errors, 1 when it has errors (warnings alone are 0), 2 for bad usage.
 */
public final class ValidateCommand {

    private ValidateCommand() {}

    public record Request(Path file, String dataset, String partner, Path reference) {}

    /** Checks the arguments before anything starts (bad usage is exit code 2). */
    public static Request parse(CliOptions o, Path defaultReference) {
        if (o.positional().size() != 1) throw new UsageException("validate needs exactly one FILE");
        Path file = Path.of(o.positional().get(0));
        if (!Files.isRegularFile(file)) throw new UsageException("file " + file + " does not exist");
        String dataset = o.get("dataset", null);
        if (dataset == null || !ContractCatalog.DATASETS.contains(dataset)) {
            throw new UsageException("--dataset must be one of " + String.join(", ", ContractCatalog.DATASETS));
        }
        String partner = o.get("partner", null);
        if (partner == null || !DatasetNaming.SAFE_ID.matcher(partner).matches()) {
            throw new UsageException("--partner must be a partner id (letters, digits, . _ -)");
        }
        if (DatasetNaming.formatOf(file.getFileName().toString()).isEmpty()) {
            throw new UsageException("unsupported file type (accepted: .csv, .txt, .jsonl, .ndjson, .json, .parquet, .xlsx)");
        }
        Path reference = Path.of(o.get("reference", defaultReference.toString()));
        if (!Files.isDirectory(reference)) throw new UsageException("reference folder " + reference + " does not exist");
        return new Request(file, dataset, partner, reference);
    }

    public static int run(ConfigurableApplicationContext ctx, Request req, Path work, PrintStream out) throws Exception {
        GlasshouseProperties props = ctx.getBean(GlasshouseProperties.class);
        ContractCatalog contracts = ctx.getBean(ContractCatalog.class);
        var spark = ctx.getBean(SparkSessionProvider.class).session();
        List<LandedFile> active = new ArrayList<>();
        try (Stream<Path> s = Files.list(req.reference())) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                var dataset = DatasetNaming.datasetOf(null, name, ContractCatalog.DATASETS);
                var format = DatasetNaming.formatOf(name);
                if (dataset.isEmpty() || format.isEmpty() || DatasetNaming.isMetadata(name)) continue;
                if (contracts.get(dataset.get()).kind() != Contract.Kind.REFERENCE) continue;
                active.add(landed(f, LandedFile.REFERENCE, dataset.get(), "reference/" + name, active.size()));
            }
        }
        Path file = req.file().toAbsolutePath();
        boolean reference = contracts.get(req.dataset()).kind() == Contract.Kind.REFERENCE;
        if (reference) active.removeIf(f -> f.dataset().equals(req.dataset()));
        LandedFile target = landed(file, reference ? LandedFile.REFERENCE : req.partner(), req.dataset(),
                file.getFileName().toString(), active.size());
        active.add(target);

        // A configured key hashes refs as the nightly would; without one a throwaway key serves, as nothing is kept.
        String secret = props.getPseudonymisation().getSecret();
        if (secret == null || secret.isBlank()) {
            byte[] b = new byte[32];
            new SecureRandom().nextBytes(b);
            secret = HexFormat.of().formatHex(b);
        }
        DatasetValidator validator = new DatasetValidator(spark, StandardChecks.of(contracts,
                props.getValidation().getGraceDays()), new SeverityPolicy(props.getRules().getSeverity()),
                new Pseudonymiser(secret));
        ValidationReport report = new ValidationRun(spark, contracts, validator, props.getReportingCurrency(),
                props.getValidation().getGraceDays(), props.getValidation().getParallelDatasets(),
                props.getValidation().getMaxFileBytes())
                .run(active, Path.of("/"), d -> new DatasetValidator.Outputs(work.resolve("curated").resolve(d),
                        work.resolve("quarantine").resolve(d), work.resolve("findings").resolve(d)));
        var rows = FeedbackRows.of(spark, work.resolve("findings"), ContractCatalog.DATASETS, report.fileFindings(),
                FeedbackFiles.of(active));
        FileAccount account = report.files().stream().filter(a -> a.fileId().equals(target.fileId())).findFirst()
                .orElseThrow();
        Map<String, Path> written = new FeedbackWriter(work.resolve("feedback"), "validate")
                .write(rows.filter(org.apache.spark.sql.functions.col(FeedbackRows.FILE_ID).equalTo(target.fileId())),
                        List.of(account));
        Path csv = written.values().iterator().next().resolve("feedback.csv");
        return print(account, csv, out);
    }

    private static int print(FileAccount a, Path csv, PrintStream out) throws IOException {
        out.printf(Locale.ROOT, "%s (%s, partner %s): %d rows read, %d accepted, %d quarantined%n", a.file(),
                a.dataset(), a.partnerId(), a.read(), a.accepted(), a.quarantined());
        Map<String, long[]> perRule = new TreeMap<>();
        Map<String, String> severity = new TreeMap<>();
        boolean errors = false;
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                perRule.computeIfAbsent(rec.get("rule_id"), k -> new long[1])[0]++;
                severity.put(rec.get("rule_id"), rec.get("severity"));
                errors |= "error".equals(rec.get("severity"));
            }
        }
        if (perRule.isEmpty()) {
            out.println("No problems found.");
        } else {
            out.println("Problems by rule:");
            // Errors first, as in the HTML feedback.
            for (String sev : List.of("error", "warning")) {
                perRule.forEach((rule, n) -> {
                    if (sev.equals(severity.get(rule))) out.printf(Locale.ROOT, "  %-8s %-8s %d%n", sev, rule, n[0]);
                });
            }
            out.println();
            out.println("feedback.csv:");
            out.print(Files.readString(csv, StandardCharsets.UTF_8));
        }
        return errors ? 1 : 0;
    }

    private static LandedFile landed(Path f, String partner, String dataset, String source, int index) throws IOException {
        Path abs = f.toAbsolutePath().normalize();
        String sha = String.format("%016x", index) + HexFormat.of().formatHex(abs.toString().getBytes(StandardCharsets.UTF_8))
                .substring(0, 8);
        return new LandedFile(sha, Files.size(abs), partner, dataset,
                DatasetNaming.formatOf(abs.getFileName().toString()).orElse(null), abs.getFileName().toString(), source,
                abs.toString(), "", "", "validate");
    }
}
