package org.glasshouse.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.glasshouse.config.GlasshouseProperties;
import org.glasshouse.ingest.LandingKey;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;

/**
 * Before any step of a run (new or restarted): the run has a pseudonymisation key, the key is the one its output
 * folder's landing zone was started with, and a restarted run keeps the key it started with. The run records the
 * key's fingerprint (never the key) in {@code runs/<id>/key.json} and its job execution context. A mismatch fails
 * the run before anything is read or written.
 */
public class KeyCheckListener implements JobExecutionListener {

    public static final String FINGERPRINT = "key_fingerprint";
    private final GlasshouseProperties props;
    private final Clock clock;

    public KeyCheckListener(GlasshouseProperties props, Clock clock) {
        this.props = props;
        this.clock = clock;
    }

    @Override
    public void beforeJob(JobExecution job) {
        String secret = props.getPseudonymisation().getSecret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("No pseudonymisation key: set GLASSHOUSE_HMAC_SECRET (beneficiary refs are "
                    + "replaced by a keyed hash and the key must come from the agency).");
        }
        RunPaths paths = NightlyParameters.from(job.getJobParameters()).paths();
        try {
            LandingKey.checkLandingZone(paths.landingZone(), secret, clock.instant());
            LandingKey.Record run = LandingKey.read(runKeyFile(paths));
            LandingKey.Record mine = LandingKey.recordFor(secret, clock.instant());
            if (run != null && !run.fingerprint().equals(mine.fingerprint())) {
                throw new LandingKey.MismatchException("Run " + paths.runId() + " was started with the key of "
                        + "fingerprint " + run.fingerprint() + "; it cannot go on with another key (fingerprint "
                        + mine.fingerprint() + "). Set GLASSHOUSE_HMAC_SECRET to the run's original key.");
            }
            if (run == null) LandingKey.write(runKeyFile(paths), mine);
            job.getExecutionContext().putString(FINGERPRINT, mine.fingerprint());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the key fingerprint under " + paths.out(), e);
        }
    }

    public static java.nio.file.Path runKeyFile(RunPaths paths) {
        return paths.runDir().resolve("key.json");
    }
}
