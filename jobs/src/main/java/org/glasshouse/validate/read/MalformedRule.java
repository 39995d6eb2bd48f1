package org.glasshouse.validate.read;

/** Rule ids for rows that cannot be split into fields; the row is kept, raw, in quarantine. */
public final class MalformedRule {
    public static final String TOO_MANY_FIELDS = "ROW-001";
    public static final String TOO_FEW_FIELDS = "ROW-002";
    public static final String NOT_A_JSON_OBJECT = "ROW-003";
    public static final String UNBALANCED_QUOTES = "ROW-004";

    private MalformedRule() {}
}
