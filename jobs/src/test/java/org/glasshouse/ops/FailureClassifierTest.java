package org.glasshouse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.file.FileAlreadyExistsException;
import java.sql.SQLTransientConnectionException;
import org.apache.spark.SparkException;
import org.glasshouse.validate.RowAccountingException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class FailureClassifierTest {

    private static Failure.Kind kind(Throwable t) {
        return FailureClassifier.classify(t).kind();
    }

    @Test
    void machineNetworkDatabaseAndClusterTroubleIsTransient() {
        assertThat(kind(new IOException("No space left on device"))).isEqualTo(Failure.Kind.TRANSIENT);
        assertThat(kind(new IllegalStateException("fetch failed", new SocketTimeoutException("Read timed out"))))
                .isEqualTo(Failure.Kind.TRANSIENT);
        assertThat(kind(new UncheckedIOException(new IOException("Stale file handle"))))
                .isEqualTo(Failure.Kind.TRANSIENT);
        assertThat(kind(new DataAccessResourceFailureException("connection refused")))
                .isEqualTo(Failure.Kind.TRANSIENT);
        assertThat(kind(new SQLTransientConnectionException("pool timeout"))).isEqualTo(Failure.Kind.TRANSIENT);
        assertThat(kind(new SparkException("Job aborted due to stage failure: Task 3 in stage 7.0 failed 4 times: "
                + "ExecutorLostFailure (executor 2 exited caused by one of the running tasks)")))
                .isEqualTo(Failure.Kind.TRANSIENT);
        assertThat(kind(new SparkException("Job 12 cancelled as part of cancellation of all jobs")))
                .isEqualTo(Failure.Kind.TRANSIENT);
    }

    @Test
    void dataConfigurationAndCodeProblemsArePermanent() {
        assertThat(kind(new RowAccountingException(java.util.List.of(new org.glasshouse.validate.FileAccount("f1", "P01", "services", "services.csv", 10, 8, 1)))))
                .isEqualTo(Failure.Kind.PERMANENT);
        // A permanent cause wins over an I/O wrapper around it, and the other way round.
        assertThat(kind(new IOException("write failed", new RowAccountingException(java.util.List.of(new org.glasshouse.validate.FileAccount("f1", "P01", "services", "services.csv", 10, 8, 1))))))
                .isEqualTo(Failure.Kind.PERMANENT);
        assertThat(kind(new FileAlreadyExistsException("out/site"))).isEqualTo(Failure.Kind.PERMANENT);
        assertThat(kind(new IllegalStateException("disclosure audit refused the release")))
                .isEqualTo(Failure.Kind.PERMANENT);
        assertThat(kind(new IllegalArgumentException("agreement AGR-9 names unknown programme")))
                .isEqualTo(Failure.Kind.PERMANENT);
        assertThat(kind(new SparkException("Job aborted due to stage failure: ArithmeticException: / by zero")))
                .isEqualTo(Failure.Kind.PERMANENT);
        assertThat(kind(new OutOfMemoryError("Java heap space"))).isEqualTo(Failure.Kind.PERMANENT);
    }

    @Test
    void theReasonNamesTheDecidingException() {
        Failure f = FailureClassifier.classify(new IllegalStateException("fetch failed",
                new SocketTimeoutException("Read timed out")));
        assertThat(f.reason()).isEqualTo("java.net.SocketTimeoutException: Read timed out");
        assertThat(f).hasToString("transient (java.net.SocketTimeoutException: Read timed out)");
    }
}
