package org.glasshouse.validate.read;

import java.io.IOException;

/**
 * Raised by a reader when the file itself is at fault in a way that ends its reading (a limit passed, a part
 * missing): carries the file rule the partner is told about.
 */
public class InputProblem extends IOException {

    private final String ruleId;

    public InputProblem(String ruleId, String message) {
        super(message);
        this.ruleId = ruleId;
    }

    public String ruleId() {
        return ruleId;
    }
}
