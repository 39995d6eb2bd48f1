package org.glasshouse.nightly;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.glasshouse.config.GlasshouseProperties;
import org.glasshouse.contract.ContractCatalog;
import org.glasshouse.ingest.HttpFetcher;
import org.glasshouse.ingest.IngestFinding;
import org.glasshouse.ingest.IngestProperties;
import org.glasshouse.ingest.IngestResult;
import org.glasshouse.ingest.Ingestor;
import org.glasshouse.ingest.LandedFile;
import org.glasshouse.ingest.LandingManifest;
import org.glasshouse.ingest.PartnerSources;
import org.glasshouse.publish.Durable;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Lands new files and fixes the run's input set (inputs.json): the latest version of every file in the landing
 * zone. Later steps, and a restart, read exactly that set. What ingest refused or noted (links, pipes, files that
 * changed while copied, unknown names, failed downloads) is kept in ingest-findings.json for the feedback step.
 */
public class IngestTasklet implements Tasklet {

    static final ObjectMapper JSON = new ObjectMapper();
    private final Clock clock;
    private final GlasshouseProperties props;
    private final IngestProperties ingest;

    /** The run's active input set, as this step wrote it to inputs.json. */
    static List<LandedFile> activeInputs(Path inputsFile) throws IOException {
        return JSON.readValue(inputsFile.toFile(), new TypeReference<>() {});
    }

    /** What ingest refused or noted for partners in this run (empty when the step wrote none). */
    public static List<IngestFinding> findings(RunPaths paths) throws IOException {
        Path f = findingsFile(paths);
        if (!Files.isRegularFile(f)) return List.of();
        return JSON.readValue(f.toFile(), new TypeReference<>() {});
    }

    static Path findingsFile(RunPaths paths) {
        return paths.runDir().resolve("ingest-findings.json");
    }

    public IngestTasklet(Clock clock, GlasshouseProperties props, IngestProperties ingest) {
        this.clock = clock;
        this.props = props;
        this.ingest = ingest;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        NightlyParameters params = NightlyParameters.from(chunkContext);
        RunPaths paths = params.paths();
        String partnersFile = props.getPartnersFile();
        // A landing zone on HDFS/S3: copies are made and hashed on the driver's disk (OUT/private/ingest-work) first.
        Ingestor ingestor = new Ingestor(paths.landingZone(), paths.privateDir().resolve("ingest-work"),
                ContractCatalog.DATASETS, clock,
                PartnerSources.load(Path.of(partnersFile == null || partnersFile.isBlank() ? "config/partners.yml"
                        : partnersFile)), System::getenv, ingest, HttpFetcher.Transport.DEFAULT);
        IngestResult result;
        java.util.Optional<Path> local = params.inputLocation().local();
        if (local.isPresent()) {
            result = ingestor.ingest(local.get(), params.runIdText());
        } else {
            // An input folder on HDFS or S3: copied to the driver's disk first, so every check ingest makes (regular
            // files only, changes while copied, size limits) applies to it as to a local folder, and removed after.
            Path copy = paths.runDir().resolve("input-copy");
            org.glasshouse.publish.ReleasePublisher.deleteTree(copy);
            if (!params.inputLocation().isDirectory()) {
                throw new IOException("Input folder " + params.input() + " does not exist; expected reference/ and "
                        + "inbox/ inside it");
            }
            params.inputLocation().copyToLocal(copy);
            try {
                result = ingestor.ingest(copy, params.runIdText());
            } finally {
                org.glasshouse.publish.ReleasePublisher.deleteTree(copy);
            }
        }
        org.glasshouse.CrashPoint.reach("ingest"); // files landed, the run's input set not yet fixed
        List<LandedFile> active = LandingManifest.activeSet(ingestor.manifest().entries());
        Files.createDirectories(paths.runDir());
        Durable.writeAtomically(findingsFile(paths), JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(result.findings()));
        Durable.writeAtomically(paths.inputsFile(), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(active));

        StepExecution step = chunkContext.getStepContext().getStepExecution();
        step.setReadCount(result.landed().size() + result.alreadyIngested());
        step.setWriteCount(result.landed().size());
        step.setFilterCount(result.alreadyIngested());
        step.getExecutionContext().putInt("new_files", result.landed().size());
        step.getExecutionContext().putInt("already_ingested", result.alreadyIngested());
        step.getExecutionContext().putInt("active_files", active.size());
        step.getExecutionContext().putInt("refused_files", (int) result.findings().stream()
                .filter(f -> "error".equals(f.severity())).count());
        step.getExecutionContext().putString("problems", String.join("\n", result.problems()));
        return RepeatStatus.FINISHED;
    }
}
