package org.glasshouse.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The figures an operator watches, as of the end of one run: plain values, exported by {@link OpsMetrics}.
 *
 * @param runId          the run that just ended
 * @param status         its Spring Batch status (COMPLETED, FAILED, STOPPED)
 * @param ended          when it ended
 * @param lastSuccess    when the newest completed run on this output folder ended; null if none ever did
 * @param stepSeconds    duration of each step of the run, in step order (a restarted run: each step's last execution)
 * @param rows           rows per partner and dataset of the run's input set
 * @param failedStep     the step that did not complete, or null
 * @param failure        why, or null
 * @param partnerLastFile per partner, when its newest file arrived; partners that never sent one map to null
 */
public record RunFigures(String runId, String status, Instant ended, Instant lastSuccess,
                         Map<String, Double> stepSeconds, List<DatasetRows> rows, String failedStep, Failure failure,
                         Map<String, Instant> partnerLastFile) {

    public boolean completed() {
        return "COMPLETED".equals(status);
    }
}
