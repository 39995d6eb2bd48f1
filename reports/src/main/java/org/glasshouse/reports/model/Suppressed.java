package org.glasshouse.reports.model;

/** A disclosure-controlled cell. Rendered as {@code [c]}; left out of charts. */
public enum Suppressed {
    INSTANCE;

    /** The marker printed in place of a suppressed value. */
    public static final String MARKER = "[c]";

    @Override
    public String toString() {
        return MARKER;
    }
}
