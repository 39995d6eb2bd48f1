package org.glasshouse.ops;

/** The run lock in the job repository is held by a live owner (or was taken from this process). */
public class RunLockBusy extends RuntimeException {

    public RunLockBusy(String message) {
        super(message);
    }
}
