package org.glasshouse.ops;

/**
 * Why a step failed, judged for the scheduler: a transient failure (the machine, network, database or cluster let
 * the run down) is worth restarting unattended; a permanent one (the data, the configuration or the code) is not.
 *
 * @param reason the exception that decided it, one line
 */
public record Failure(Kind kind, String reason) {

    public enum Kind { TRANSIENT, PERMANENT }

    public boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " (" + reason + ")";
    }
}
