package org.glasshouse.validate.read;

/** A problem with a whole file, reported once in the partner's feedback. */
public record FileFinding(String fileId, String ruleId, String severity, String message, String hint) {}
