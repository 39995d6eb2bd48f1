package org.glasshouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.glasshouse.ingest.LandingKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key fingerprints, the restart's key decision and the run/repository locks, without a run. */
class KeysAndLocksTest {

    static final Instant NOW = Instant.parse("2026-10-01T00:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void aFingerprintIdentifiesAKeyWithoutRevealingIt() {
        String fp = LandingKey.fingerprint("agency-key-1");
        assertThat(fp).hasSize(16).matches("[0-9a-f]{16}").isEqualTo(LandingKey.fingerprint("agency-key-1"))
                .isNotEqualTo(LandingKey.fingerprint("agency-key-2")).doesNotContain("agency");
        assertThat(LandingKey.recordFor(LandingKey.PUBLIC_SAMPLE_KEY, NOW).sampleKey()).isTrue();
        assertThat(LandingKey.recordFor("agency-key-1", NOW).sampleKey()).isFalse();
    }

    @Test
    void theSampleProfilesKeyIsThePublicSampleKey() throws Exception {
        String yml = Files.readString(Path.of("..", "config", "application-sample.yml"));
        assertThat(yml).contains("secret: ${GLASSHOUSE_HMAC_SECRET:" + LandingKey.PUBLIC_SAMPLE_KEY + "}");
        assertThat(Files.readString(Path.of("..", "config", "application.yml")))
                .contains("secret: ${GLASSHOUSE_HMAC_SECRET:}");
    }

    @Test
    void aLandingZoneKeepsTheKeyItStartedWith() throws Exception {
        Path landing = tmp.resolve("out/private/landing");
        LandingKey.checkLandingZone(landing, "agency-key-1", NOW);
        assertThat(Files.readString(landing.resolve("key.json"))).contains(LandingKey.fingerprint("agency-key-1"))
                .doesNotContain("agency-key-1");
        LandingKey.checkLandingZone(landing, "agency-key-1", NOW.plusSeconds(60));
        assertThatThrownBy(() -> LandingKey.checkLandingZone(landing, "agency-key-2", NOW))
                .isInstanceOf(LandingKey.MismatchException.class)
                .hasMessage("This run's pseudonymisation key (fingerprint " + LandingKey.fingerprint("agency-key-2")
                        + ") is not the key the output folder " + tmp.resolve("out") + " was started with (fingerprint "
                        + LandingKey.fingerprint("agency-key-1") + "). Tokens made with two keys cannot be compared, "
                        + "so the run refuses to mix them: set GLASSHOUSE_HMAC_SECRET to the original key, or use a "
                        + "new --out folder for the new key (docs/operations.md, 'Keys').");
    }

    @Test
    void restartUsesTheRunsKeyAndTheSampleKeyOnlyForABundledSampleRun() {
        LandingKey.Record sample = LandingKey.recordFor(LandingKey.PUBLIC_SAMPLE_KEY, NOW);
        LandingKey.Record agency = LandingKey.recordFor("agency-key-1", NOW);

        assertThat(RestartCommand.decide(4, sample, "", true))
                .isEqualTo(new RestartCommand.KeyDecision(LandingKey.PUBLIC_SAMPLE_KEY, null));
        assertThat(RestartCommand.decide(4, agency, "agency-key-1", false))
                .isEqualTo(new RestartCommand.KeyDecision("agency-key-1", null));
        // No key: refused, unless the run was a sample run on the bundled sample data.
        assertThat(RestartCommand.decide(4, sample, null, false).refusal()).startsWith("GLASSHOUSE_HMAC_SECRET is not set");
        assertThat(RestartCommand.decide(4, agency, "", true).refusal()).isEqualTo("GLASSHOUSE_HMAC_SECRET is not "
                + "set; a restart needs the key the run started with. Run 4 was started with the key of fingerprint "
                + agency.fingerprint() + ". Export GLASSHOUSE_HMAC_SECRET=<that key> and restart (only a run of the "
                + "bundled sample data restarts without it).");
        assertThat(RestartCommand.decide(4, agency, LandingKey.PUBLIC_SAMPLE_KEY, false).refusal())
                .startsWith("the public sample key may only be used for the bundled sample data");
        assertThat(RestartCommand.decide(4, agency, "agency-key-2", false).refusal())
                .contains("is not the key run 4 started with (fingerprint " + agency.fingerprint() + ")");
        // A run that recorded no key (it failed before) takes the key given.
        assertThat(RestartCommand.decide(4, null, "agency-key-2", false).secret()).isEqualTo("agency-key-2");
    }

    @Test
    void theRunLockAndTheRepositoryLockAreIndependentAndKnownToThisJvm() throws Exception {
        Path out = tmp.resolve("out");
        Path runFile = JobRuns.lockFile(out);
        assertThat(RunLock.held(runFile)).isFalse();
        try (RunLock run = RunLock.tryAcquire(runFile)) {
            assertThat(run).isNotNull();
            assertThat(RunLock.held(runFile)).isTrue();
            assertThat(RunLock.tryAcquire(runFile)).isNull();
            assertThat(RunLock.holderPid(runFile)).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            try (RunLock repo = RunLock.acquireRepository(out, Duration.ZERO)) {
                assertThat(repo).isNotNull();
                long started = System.nanoTime();
                assertThat(RunLock.acquireRepository(out, Duration.ofMillis(300))).isNull();
                assertThat((System.nanoTime() - started) / 1e6).isGreaterThanOrEqualTo(290);
            }
            // Probing and releasing the other lock left the run lock in place.
            assertThat(RunLock.held(runFile)).isTrue();
        }
        assertThat(RunLock.held(runFile)).isFalse();
        try (RunLock again = RunLock.tryAcquire(runFile)) {
            assertThat(again).isNotNull();
        }
    }
}
