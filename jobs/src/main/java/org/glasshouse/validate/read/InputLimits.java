package org.glasshouse.validate.read;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * How much of anything one partner file may make the pipeline hold: every size a reader meets is bounded, and what
 * goes beyond a bound becomes a finding with a rule id (the table in docs/data-contracts.md, generated from
 * {@link LimitRule}). Shipped to executors with each parse task. Defaults are written once, in
 * config/application.yml under {@code glasshouse.limits}.
 *
 * @param fileBytes          largest file read at all (FIL-008)
 * @param lineChars          longest line or CSV record, in characters (ROW-005)
 * @param fieldChars         longest single value (ROW-006)
 * @param columns            most columns in a header or fields in a row (FIL-013, ROW-001)
 * @param inflatedBytes      most bytes a compressed file may inflate to: all parts of an .xlsx workbook together,
 *                           one Parquet row group (FIL-010)
 * @param xlsxSharedStrings  most entries in a workbook's shared-string table (FIL-011)
 * @param jsonDepth          deepest nesting of objects and arrays in one JSON line (ROW-009)
 * @param jsonNumberDigits   most digits a JSON number may have, written out in plain notation (ROW-010)
 * @param jsonKeys           most keys in one JSON line, nested objects included (ROW-011)
 * @param flexColumns        most distinct flex_* columns echoed back per file; the rest are ignored (FIL-012)
 */
@ConfigurationProperties(prefix = "glasshouse.limits")
public record InputLimits(long fileBytes, int lineChars, int fieldChars, int columns, long inflatedBytes,
                          int xlsxSharedStrings, int jsonDepth, int jsonNumberDigits, int jsonKeys, int flexColumns)
        implements Serializable {

    public InputLimits {
        // A limit missing from the configuration binds as 0: refuse to start rather than read without bounds.
        if (fileBytes <= 0 || lineChars <= 0 || fieldChars <= 0 || columns <= 0 || inflatedBytes <= 0
                || xlsxSharedStrings <= 0 || jsonDepth <= 0 || jsonNumberDigits <= 0 || jsonKeys <= 0
                || flexColumns < 0) {
            throw new IllegalArgumentException("every glasshouse.limits.* setting must be positive: " + describe(
                    fileBytes, lineChars, fieldChars, columns, inflatedBytes, xlsxSharedStrings, jsonDepth,
                    jsonNumberDigits, jsonKeys, flexColumns));
        }
        if (fieldChars > lineChars) {
            throw new IllegalArgumentException("glasshouse.limits.field-chars (" + fieldChars
                    + ") cannot exceed glasshouse.limits.line-chars (" + lineChars + ")");
        }
    }

    /**
     * The defaults of the embedded config/application.yml, bound exactly as the application binds them: for code
     * that runs without the Spring context (tests, the documentation generator).
     */
    public static InputLimits defaults() {
        try {
            StandardEnvironment env = new StandardEnvironment();
            new YamlPropertySourceLoader().load("embedded-defaults", new ClassPathResource("config/application.yml"))
                    .forEach(env.getPropertySources()::addLast);
            return Binder.get(env).bind("glasshouse.limits", InputLimits.class)
                    .orElseThrow(() -> new IllegalStateException("config/application.yml has no glasshouse.limits"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded config/application.yml", e);
        }
    }

    public InputLimits withFileBytes(long bytes) {
        return new InputLimits(bytes, lineChars, fieldChars, columns, inflatedBytes, xlsxSharedStrings, jsonDepth,
                jsonNumberDigits, jsonKeys, flexColumns);
    }

    private static String describe(Object... values) {
        return java.util.Arrays.toString(values);
    }
}
