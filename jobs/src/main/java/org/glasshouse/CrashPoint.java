package org.glasshouse;

/**
 * A named point inside a pipeline step where the crash tests kill the run. Does nothing unless the system property
 * {@code glasshouse.test.crash-at} names the point: then the JVM halts at once, like {@code kill -9} (no shutdown
 * hooks, no cleanup, exit code 137), so a test can check that {@code restart} resumes and publishes the same bytes
 * as an uninterrupted run. Points: ingest, validate, feedback, metrics, report, publish.
 */
public final class CrashPoint {

    public static final String PROPERTY = "glasshouse.test.crash-at";

    private CrashPoint() {}

    public static void reach(String name) {
        if (name.equals(System.getProperty(PROPERTY))) {
            System.err.println("glasshouse: halting at crash point " + name + " (" + PROPERTY + ")");
            System.err.flush();
            Runtime.getRuntime().halt(137);
        }
    }
}
