package org.glasshouse.validate.rules;

import java.util.Locale;

/** error: the row is quarantined. warning: the row is kept and flagged. */
public enum Severity {
    ERROR, WARNING;

    public String label() { return name().toLowerCase(Locale.ROOT); }

    public static Severity parse(String s) { return valueOf(s.trim().toUpperCase(Locale.ROOT)); }
}
