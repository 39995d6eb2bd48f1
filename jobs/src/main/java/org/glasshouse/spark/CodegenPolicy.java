package org.glasshouse.spark;

import org.apache.spark.sql.RuntimeConfig;

/**
 * Chooses between Spark's generated code and its interpreted evaluation for one run, from the size of the run's
 * input. Generating and compiling Java for every query stage costs a fixed 50-300 ms per query; a nightly on a few
 * megabytes runs about a hundred small queries, so compiling costs more than it saves (sample data: 105 s with
 * code generation, 82 s without). On big inputs generated code wins, so it stays on above the threshold.
 *
 * <p>{@code spark.sql.codegen.factoryMode} is an internal Spark setting; if a Spark version stops honouring it, only
 * speed changes, never results (both paths evaluate the same expressions).
 */
public final class CodegenPolicy {

    static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
    static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";

    /** Whether a run is interpreted, and why (for the run log). */
    public record Decision(boolean interpreted, long inputBytes, long thresholdBytes) {
        public String describe() {
            return interpreted
                    ? "interpreted evaluation (input " + inputBytes + " bytes < " + thresholdBytes + ")"
                    : "generated code (input " + inputBytes + " bytes)";
        }
    }

    private final long interpretedBelowBytes;

    /** @param interpretedBelowBytes inputs smaller than this run interpreted; 0 always generates code */
    public CodegenPolicy(long interpretedBelowBytes) {
        this.interpretedBelowBytes = Math.max(0, interpretedBelowBytes);
    }

    public Decision decide(long inputBytes) {
        return new Decision(inputBytes < interpretedBelowBytes, inputBytes, interpretedBelowBytes);
    }

    /** Sets the session's runtime SQL configuration; later queries of the session follow it. */
    public Decision apply(RuntimeConfig conf, long inputBytes) {
        Decision d = decide(inputBytes);
        if (d.interpreted()) {
            conf.set(WHOLE_STAGE, "false");
            conf.set(FACTORY_MODE, "NO_CODEGEN");
        } else {
            conf.unset(WHOLE_STAGE);
            conf.unset(FACTORY_MODE);
        }
        return d;
    }
}
