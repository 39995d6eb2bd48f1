package org.glasshouse.nightly;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glasshouse.ingest.LandedFile;
import org.glasshouse.spark.CodegenPolicy;
import org.glasshouse.spark.SparkSessionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;

/**
 * Before each Spark step, sets code generation from the size of the run's active input (inputs.json, written by
 * ingest). It runs before every step rather than once per job so a restart that resumes at a later step decides
 * the same way as the original run.
 */
public class InputSizedCodegen implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(InputSizedCodegen.class);

    private final SparkSessionProvider spark;
    private final CodegenPolicy policy;
    private CodegenPolicy.Decision last;

    public InputSizedCodegen(SparkSessionProvider spark, CodegenPolicy policy) {
        this.spark = spark;
        this.policy = policy;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        Path inputs = NightlyParameters.from(stepExecution.getJobParameters()).paths().inputsFile();
        if (!Files.isRegularFile(inputs)) {
            return;
        }
        CodegenPolicy.Decision d = policy.apply(spark.session().conf(), inputBytes(inputs));
        if (!d.equals(last)) {
            log.info("Spark: {}", d.describe());
            last = d;
        }
    }

    static long inputBytes(Path inputsFile) {
        try {
            List<LandedFile> active = IngestTasklet.JSON.readValue(inputsFile.toFile(), new TypeReference<>() {});
            return active.stream().mapToLong(LandedFile::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run's input list " + inputsFile, e);
        }
    }
}
