package org.glasshouse.ops;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.glasshouse.ingest.LandedFile;
import org.glasshouse.ingest.LandingManifest;
import org.glasshouse.nightly.NightlyJobConfig;
import org.glasshouse.nightly.NightlyParameters;
import org.glasshouse.nightly.RunPaths;
import org.glasshouse.nightly.RunSummary;
import org.glasshouse.nightly.RunSummaryListener;
import org.glasshouse.validate.FileAccount;
import org.glasshouse.validate.ValidationReport;
import org.glasshouse.validate.read.FileFinding;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;

/**
 * Gathers a finished run's figures from where the run left them: the job repository (status, step durations, the
 * newest success), the validate step's accounting (rows and refused files per partner and dataset), the run's input
 * set and the landing zone's manifest (when each partner's newest file arrived).
 */
public final class RunFiguresCollector {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How far back the newest success is looked for when this run did not succeed. */
    private static final int SUCCESS_LOOKBACK = 100;

    private final JobExplorer explorer;

    public RunFiguresCollector(JobExplorer explorer) {
        this.explorer = explorer;
    }

    public RunFigures collect(JobExecution job) throws IOException {
        NightlyParameters params = NightlyParameters.from(job.getJobParameters());
        RunPaths paths = params.paths();
        RunSummary summary = new RunSummaryListener(explorer).summarise(job);

        Map<String, Double> steps = new LinkedHashMap<>();
        summary.steps().forEach(s -> steps.put(s.step(), s.durationMs() / 1000.0));

        String failedStep = null;
        Failure failure = null;
        for (StepExecution s : job.getStepExecutions()) {
            if (s.getStatus() == BatchStatus.FAILED) {
                failedStep = s.getStepName();
                failure = FailureRecorder.of(s);
                break;
            }
        }
        List<LandedFile> inputs = inputs(paths.inputsFile());
        return new RunFigures(params.runIdText(), job.getStatus().name(), instant(job.getEndTime()),
                lastSuccess(job, params), steps, rows(paths, inputs), failedStep, failure,
                partnerLastFile(paths, inputs));
    }

    private Instant lastSuccess(JobExecution job, NightlyParameters params) {
        if (job.getStatus() == BatchStatus.COMPLETED) return instant(job.getEndTime());
        String out = params.out().toAbsolutePath().normalize().toString();
        for (JobInstance i : explorer.getJobInstances(NightlyJobConfig.JOB_NAME, 0, SUCCESS_LOOKBACK)) {
            for (JobExecution e : explorer.getJobExecutions(i)) {
                if (e.getStatus() == BatchStatus.COMPLETED && out.equals(e.getJobParameters().getString(
                        NightlyParameters.OUT))) {
                    return instant(e.getEndTime());
                }
            }
        }
        return null;
    }

    /** Rows per partner and dataset from accounting.json; a file with an error-level file finding was refused. */
    static List<DatasetRows> rows(RunPaths paths, List<LandedFile> inputs) throws IOException {
        if (!Files.isRegularFile(paths.accountingFile())) return List.of();
        ValidationReport report = JSON.readValue(paths.accountingFile().toFile(), ValidationReport.class);
        Map<String, long[]> byKey = new TreeMap<>();
        for (FileAccount f : report.files()) {
            long[] t = byKey.computeIfAbsent(f.partnerId() + "\t" + f.dataset(), k -> new long[4]);
            t[0] += f.read();
            t[1] += f.accepted();
            t[2] += f.quarantined();
        }
        Map<String, String> keyOfFile = new HashMap<>();
        for (LandedFile f : inputs) keyOfFile.put(f.fileId(), f.partnerId() + "\t" + f.dataset());
        for (FileAccount f : report.files()) keyOfFile.put(f.fileId(), f.partnerId() + "\t" + f.dataset());
        Set<String> refused = new HashSet<>();
        for (FileFinding ff : report.fileFindings() == null ? List.<FileFinding>of() : report.fileFindings()) {
            String key = keyOfFile.get(ff.fileId());
            if ("error".equalsIgnoreCase(ff.severity()) && key != null && refused.add(ff.fileId())) {
                byKey.computeIfAbsent(key, k -> new long[4])[3]++;
            }
        }
        List<DatasetRows> out = new ArrayList<>();
        byKey.forEach((k, t) -> {
            String[] pd = k.split("\t", 2);
            out.add(new DatasetRows(pd[0], pd[1], t[0], t[1], t[2], t[3]));
        });
        return out;
    }

    /**
     * When each partner's newest file arrived in the landing zone; every partner of the reference data is listed,
     * those that never sent a file with null, so a silent partner shows as one.
     */
    static Map<String, Instant> partnerLastFile(RunPaths paths, List<LandedFile> inputs) throws IOException {
        Map<String, Instant> last = new TreeMap<>();
        for (LandedFile f : inputs) {
            if (f.isReference() && "partners".equals(f.dataset())) {
                for (String id : partnerIds(paths.landingZone().resolve(f.path()))) last.put(id, null);
            }
        }
        for (LandedFile f : new LandingManifest(paths.landingZone()).entries()) {
            if (f.isReference() || f.arrivedAt() == null) continue;
            Instant at = Instant.parse(f.arrivedAt());
            last.merge(f.partnerId(), at, (a, b) -> b.isAfter(a) ? b : a); // a null (never) counts as absent
        }
        return last;
    }

    private static List<String> partnerIds(org.glasshouse.storage.Location partnersFile) throws IOException {
        if (!partnersFile.name().toLowerCase(Locale.ROOT).endsWith(".csv") || !partnersFile.isFile()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        String text = new String(partnersFile.readAllBytes(), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        try (Reader r = new java.io.StringReader(text)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true).get().parse(r)) {
                if (rec.isMapped("partner_id") && !rec.get("partner_id").isBlank()) ids.add(rec.get("partner_id"));
            }
        }
        return ids;
    }

    private static List<LandedFile> inputs(Path inputsFile) throws IOException {
        if (!Files.isRegularFile(inputsFile)) return List.of();
        return JSON.readValue(inputsFile.toFile(), new TypeReference<List<LandedFile>>() {});
    }

    static Instant instant(LocalDateTime t) {
        return t == null ? null : t.atZone(ZoneId.systemDefault()).toInstant();
    }
}
