package org.glasshouse.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glasshouse.config.GlasshouseProperties;
import org.glasshouse.ingest.LandingKey;
import org.glasshouse.nightly.KeyCheckListener;
import org.glasshouse.nightly.NightlyParameters;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code restart [--out DIR]}: resumes the last failed run at the step that failed, with the key it started with.
 * The key comes from GLASSHOUSE_HMAC_SECRET and must have the fingerprint the run recorded. Only a run of the
 * bundled sample data that used the public sample key restarts without it (with that key again).
 */
public final class RestartCommand {

    private RestartCommand() {}

    /** What the restart may use: the key, or why it refuses. */
    record KeyDecision(String secret, String refusal) {}

    /** The caller holds the run and repository locks ({@link JobRuns#exclusively}). */
    public static int run(ConfigurableApplicationContext ctx, Path out, Path bundledSample) throws Exception {
        JobRuns runs = new JobRuns(ctx);
        runs.recoverStale();
        JobExecution failed = runs.lastFailed();
        if (failed == null) {
            System.out.println("No failed run to restart: the latest run did not fail.");
            return 0;
        }
        NightlyParameters params = NightlyParameters.from(failed.getJobParameters());
        GlasshouseProperties props = ctx.getBean(GlasshouseProperties.class);
        LandingKey.Record recorded = LandingKey.read(KeyCheckListener.runKeyFile(params.paths()));
        KeyDecision key = decide(params.runId(), recorded, props.getPseudonymisation().getSecret(),
                !org.glasshouse.storage.Location.isUri(params.input())
                        && sameFolder(java.nio.file.Path.of(params.input()), bundledSample));
        if (key.refusal() != null) {
            System.err.println("glasshouse restart: " + key.refusal());
            return 2;
        }
        props.getPseudonymisation().setSecret(key.secret());
        String step = failed.getStepExecutions().stream().filter(s -> s.getStatus() != BatchStatus.COMPLETED)
                .map(s -> s.getStepName()).findFirst().orElse("?");
        System.out.println("Restarting run " + params.runId() + " at step " + step);
        JobExecution e = runs.launch(failed.getJobParameters());
        return e.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
    }

    static KeyDecision decide(long runId, LandingKey.Record recorded, String secret, boolean bundledSampleInput) {
        boolean sampleRun = bundledSampleInput && recorded != null && recorded.sampleKey();
        String was = recorded == null ? "" : " Run " + runId + " was started with the key of fingerprint "
                + recorded.fingerprint() + ".";
        if (secret == null || secret.isBlank()) {
            if (sampleRun) return new KeyDecision(LandingKey.PUBLIC_SAMPLE_KEY, null);
            return new KeyDecision(null, "GLASSHOUSE_HMAC_SECRET is not set; a restart needs the key the run "
                    + "started with." + was + " Export GLASSHOUSE_HMAC_SECRET=<that key> and restart (only a run of "
                    + "the bundled sample data restarts without it).");
        }
        if (LandingKey.isPublicSampleKey(secret) && !sampleRun) {
            return new KeyDecision(null, "the public sample key may only be used for the bundled sample data; run "
                    + runId + " read other data. Export GLASSHOUSE_HMAC_SECRET=<the agency's key> and restart.");
        }
        if (recorded != null && !recorded.fingerprint().equals(LandingKey.fingerprint(secret))) {
            return new KeyDecision(null, "the key in GLASSHOUSE_HMAC_SECRET (fingerprint "
                    + LandingKey.fingerprint(secret) + ") is not the key run " + runId + " started with (fingerprint "
                    + recorded.fingerprint() + "); tokens of two keys are never mixed. Export the run's key and "
                    + "restart.");
        }
        return new KeyDecision(secret, null);
    }

    public static boolean sameFolder(Path a, Path b) {
        try {
            return a != null && b != null && Files.isDirectory(a) && Files.isDirectory(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
