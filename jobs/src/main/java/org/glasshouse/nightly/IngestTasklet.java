package org.glasshouse.nightly;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.glasshouse.contract.ContractCatalog;
import org.glasshouse.ingest.IngestResult;
import org.glasshouse.ingest.Ingestor;
import org.glasshouse.ingest.LandedFile;
import org.glasshouse.ingest.LandingManifest;
import org.glasshouse.ingest.PartnerSources;
import org.glasshouse.config.GlasshouseProperties;
import java.nio.file.Path;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Lands new files and fixes the run's input set (inputs.json): the latest version of every file in the landing
 * zone. Later steps, and a restart, read exactly that set.
 */
public class IngestTasklet implements Tasklet {

    static final ObjectMapper JSON = new ObjectMapper();
    private final Clock clock;
    private final GlasshouseProperties props;

    /** The run's active input set, as this step wrote it to inputs.json. */
    static List<LandedFile> activeInputs(Path inputsFile) throws java.io.IOException {
        return JSON.readValue(inputsFile.toFile(), new com.fasterxml.jackson.core.type.TypeReference<>() {});
    }

    public IngestTasklet(Clock clock, GlasshouseProperties props) {
        this.clock = clock;
        this.props = props;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        NightlyParameters params = NightlyParameters.from(chunkContext);
        RunPaths paths = params.paths();
        String partnersFile = props.getPartnersFile();
        Ingestor ingestor = new Ingestor(paths.landing(), ContractCatalog.DATASETS, clock,
                PartnerSources.load(Path.of(partnersFile == null || partnersFile.isBlank() ? "config/partners.yml"
                        : partnersFile)), System::getenv);
        IngestResult result = ingestor.ingest(params.input(), params.runIdText());
        org.glasshouse.CrashPoint.reach("ingest"); // files landed, the run's input set not yet fixed
        List<LandedFile> active = LandingManifest.activeSet(ingestor.manifest().entries());
        Files.createDirectories(paths.runDir());
        JSON.writerWithDefaultPrettyPrinter().writeValue(paths.inputsFile().toFile(), active);

        StepExecution step = chunkContext.getStepContext().getStepExecution();
        step.setReadCount(result.landed().size() + result.alreadyIngested());
        step.setWriteCount(result.landed().size());
        step.setFilterCount(result.alreadyIngested());
        step.getExecutionContext().putInt("new_files", result.landed().size());
        step.getExecutionContext().putInt("already_ingested", result.alreadyIngested());
        step.getExecutionContext().putInt("active_files", active.size());
        step.getExecutionContext().putString("problems", String.join("\n", result.problems()));
        return RepeatStatus.FINISHED;
    }
}
