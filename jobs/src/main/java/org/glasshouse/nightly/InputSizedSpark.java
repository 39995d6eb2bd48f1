package org.glasshouse.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glasshouse.ingest.LandedFile;
import org.glasshouse.spark.SmallInputTuning;
import org.glasshouse.spark.SparkSessionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;

/**
 * Before each Spark step, tunes the session for the size of the run's active input (inputs.json, written by
 * ingest). It runs before every step rather than once per job so a restart that resumes at a later step is tuned
 * the same way as the original run. It never starts Spark itself: the tuning waits until the step asks for the
 * session, so a step whose outputs are reused ({@link ReusingTasklet}) costs no Spark start.
 */
public class InputSizedSpark implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(InputSizedSpark.class);

    private final SparkSessionProvider spark;
    private final SmallInputTuning tuning;
    private SmallInputTuning.Decision last;

    public InputSizedSpark(SparkSessionProvider spark, SmallInputTuning tuning) {
        this.spark = spark;
        this.tuning = tuning;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        Path inputs = NightlyParameters.from(stepExecution.getJobParameters()).paths().inputsFile();
        if (!Files.isRegularFile(inputs)) {
            return;
        }
        long bytes = inputBytes(inputs);
        // Applied when the step starts Spark: a step whose outputs are reused never does.
        spark.whenStarted("input-sized", session -> {
            SmallInputTuning.Decision d = tuning.apply(session.conf(), bytes);
            if (!d.equals(last)) {
                log.info("Spark: {}", d.describe());
                last = d;
            }
        });
    }

    static long inputBytes(Path inputsFile) {
        try {
            return IngestTasklet.activeInputs(inputsFile).stream().mapToLong(LandedFile::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run's input list " + inputsFile, e);
        }
    }
}
