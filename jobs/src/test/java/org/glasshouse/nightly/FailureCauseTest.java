package org.glasshouse.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.glasshouse.validate.FileAccount;
import org.glasshouse.validate.ReferenceDataException;
import org.glasshouse.validate.RowAccountingException;
import org.junit.jupiter.api.Test;

/** A failed run's summary says whose fault it is: only the agency's faults can fail a run. */
class FailureCauseTest {

    @Test
    void eachAgencyFaultHasItsCause() {
        assertThat(FailureCause.of(new ReferenceDataException("agreements", List.of("reference/agreements.csv: FIL-004"))))
                .isEqualTo(FailureCause.REFERENCE_DATA);
        assertThat(FailureCause.of(new IllegalStateException("step failed",
                new IOException("write failed: No space left on device")))).isEqualTo(FailureCause.DISK_FULL);
        assertThat(FailureCause.of(new UncheckedIOException("cannot read landed file x",
                new NoSuchFileException("/out/private/landing/x")))).isEqualTo(FailureCause.STORAGE);
        assertThat(FailureCause.of(new RowAccountingException(List.of(
                new FileAccount("f", "P01", "services", "inbox/P01/s.csv", 3, 1, 1))))).isEqualTo(FailureCause.ROW_ACCOUNTING);
        assertThat(FailureCause.of(new NullPointerException())).isEqualTo(FailureCause.INTERNAL);
        assertThat(FailureCause.REFERENCE_DATA.label()).isEqualTo("reference-data");
    }

    @Test
    void theMachinesFaultsAreWorthARetryTheDataSettingsAndCodeNot() {
        assertThat(FailureCause.of(new org.springframework.dao.DataAccessResourceFailureException("refused")))
                .isEqualTo(FailureCause.DATABASE);
        assertThat(FailureCause.of(new org.apache.spark.SparkException("Job 3 cancelled because SparkContext was "
                + "shut down"))).isEqualTo(FailureCause.CLUSTER);
        assertThat(FailureCause.of(new org.glasshouse.cli.UsageException("--as-of must be a date")))
                .isEqualTo(FailureCause.SETTINGS);
        assertThat(FailureCause.of(new OutOfMemoryError("Java heap space"))).isEqualTo(FailureCause.OUT_OF_MEMORY);
        // Reference data that cannot be read is still the reference data's fault, not a passing I/O error.
        FailureCause.Diagnosis d = FailureCause.diagnose(new IOException("read failed",
                new ReferenceDataException("agreements", List.of("reference/agreements.csv: FIL-004"))));
        assertThat(d.cause()).isEqualTo(FailureCause.REFERENCE_DATA);
        assertThat(d.evidence()).isInstanceOf(ReferenceDataException.class);
        assertThat(java.util.Arrays.stream(FailureCause.values()).filter(FailureCause::retryable))
                .containsExactly(FailureCause.DISK_FULL, FailureCause.STORAGE, FailureCause.DATABASE,
                        FailureCause.CLUSTER);
    }

    @Test
    void theSummaryPrintsTheCauseOfAFailedRun() {
        RunSummary s = new RunSummary("7", 7, "FAILED", "2026-09-30", "in", "out", null, null, null, null, null,
                List.of(), List.of(), 0, 0, 0, List.of(), "Reference data agreements is broken", "reference-data");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        RunSummaryListener.print(s, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(buf.toString(StandardCharsets.UTF_8))
                .contains("  FAILED: Reference data agreements is broken\n")
                .contains("  cause: reference data (the agency's): fix the reference file named and restart\n");
    }
}
