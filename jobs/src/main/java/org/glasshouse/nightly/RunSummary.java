package org.glasshouse.nightly;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.glasshouse.validate.FileAccount;

/** The end-of-run summary: written to OUT/private/runs/<run-id>/summary.json and printed on the console. */
public record RunSummary(
        @JsonProperty("run_id") String runId,
        @JsonProperty("job_execution_id") long jobExecutionId,
        @JsonProperty("status") String status,
        @JsonProperty("as_of") String asOf,
        @JsonProperty("input") String input,
        @JsonProperty("out") String out,
        @JsonProperty("started") String started,
        @JsonProperty("ended") String ended,
        @JsonProperty("new_files") Integer newFiles,
        @JsonProperty("already_ingested") Integer alreadyIngested,
        @JsonProperty("release") String release,
        @JsonProperty("steps") List<StepLine> steps,
        @JsonProperty("files") List<FileAccount> files,
        @JsonProperty("rows_read") long rowsRead,
        @JsonProperty("rows_accepted") long rowsAccepted,
        @JsonProperty("rows_quarantined") long rowsQuarantined,
        @JsonProperty("problems") List<String> problems,
        @JsonProperty("failure") String failure,
        /** Whose fault a failure is ({@link FailureCause#label()}): reference-data, disk-full, storage, ... */
        @JsonProperty("failure_cause") String failureCause) {

    public record StepLine(
            @JsonProperty("step") String step,
            @JsonProperty("status") String status,
            @JsonProperty("job_execution_id") long jobExecutionId,
            @JsonProperty("duration_ms") long durationMs,
            @JsonProperty("read") long read,
            @JsonProperty("written") long written,
            @JsonProperty("skipped") long skipped) {}
}
