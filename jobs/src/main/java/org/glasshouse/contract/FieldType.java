package org.glasshouse.contract;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** The value types a contract field can declare, with the exact text form each accepts. */
public enum FieldType {
    STRING(DataTypes.StringType, null),
    // Explicit patterns, because Spark's casts are lenient ("2025-01" casts to a date, "NaN" to a double).
    DATE(DataTypes.DateType, "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
    NUMBER(DataTypes.DoubleType, "^[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$"),
    INTEGER(DataTypes.LongType, "^[-+]?[0-9]{1,18}$"),
    BOOLEAN(DataTypes.BooleanType, "^(true|false|TRUE|FALSE|True|False)$");

    private final DataType sparkType;
    private final String textPattern;

    FieldType(DataType sparkType, String textPattern) {
        this.sparkType = sparkType;
        this.textPattern = textPattern;
    }

    public DataType sparkType() { return sparkType; }

    /** Regex the raw text must match before it is cast, or null when any text is acceptable. */
    public String textPattern() { return textPattern; }

    public String expectedForm() {
        return switch (this) {
            case STRING -> "text";
            case DATE -> "a date as YYYY-MM-DD";
            case NUMBER -> "a plain decimal number such as 1250.50";
            case INTEGER -> "a whole number";
            case BOOLEAN -> "true or false";
        };
    }

    public static FieldType parse(String s) {
        return FieldType.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
