package org.glasshouse.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.RuntimeConfig;

/**
 * Tunes a session for the size of one run's input. A nightly runs about a hundred queries; on a few megabytes each
 * costs far more in fixed overhead than in rows. Below the threshold a run therefore (1) evaluates expressions
 * interpreted instead of generating and compiling Java for every stage, and (2) uses one shuffle partition, which
 * halves the tasks to schedule, serialise and run. On the sample data on two cores this took the nightly from
 * 105 s to about 60 s. At or above the threshold the session's own settings stay in force: generated code and
 * several partitions win on big inputs.
 *
 * <p>{@code spark.sql.codegen.factoryMode} is an internal Spark setting; if a Spark version stops honouring it, only
 * speed changes, never results (both paths evaluate the same expressions).
 */
public final class SmallInputTuning {

    static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
    static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";
    static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

    private static final Map<String, String> SMALL = Map.of(
            WHOLE_STAGE, "false", FACTORY_MODE, "NO_CODEGEN", SHUFFLE_PARTITIONS, "1");

    /** Whether a run counts as small, and why (for the run log). */
    public record Decision(boolean small, long inputBytes, long thresholdBytes) {
        public String describe() {
            return small
                    ? "small input (" + inputBytes + " bytes < " + thresholdBytes
                            + "): interpreted evaluation, 1 shuffle partition"
                    : "input of " + inputBytes + " bytes: generated code, configured shuffle partitions";
        }
    }

    private final long smallBelowBytes;
    /** The session's own values of the settings this changes, captured before the first change. */
    private Map<String, String> original;

    /** @param smallBelowBytes inputs smaller than this are tuned as small; 0 never tunes */
    public SmallInputTuning(long smallBelowBytes) {
        this.smallBelowBytes = Math.max(0, smallBelowBytes);
    }

    public Decision decide(long inputBytes) {
        return new Decision(inputBytes < smallBelowBytes, inputBytes, smallBelowBytes);
    }

    /** Sets the session's runtime SQL configuration; later queries of the session follow it. */
    public synchronized Decision apply(RuntimeConfig conf, long inputBytes) {
        if (original == null) {
            original = new LinkedHashMap<>();
            for (String k : SMALL.keySet()) {
                if (conf.contains(k)) original.put(k, conf.get(k));
            }
        }
        Decision d = decide(inputBytes);
        for (String k : SMALL.keySet()) {
            if (d.small()) conf.set(k, SMALL.get(k));
            else if (original.containsKey(k)) conf.set(k, original.get(k));
            else conf.unset(k);
        }
        return d;
    }
}
