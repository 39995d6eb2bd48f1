package org.glasshouse.validate;

import java.util.List;

/**
 * The agency's reference data cannot be used: one of its files is unreadable or broken as a whole. The agency's
 * fault, not a partner's, so the run fails (and its summary says so) instead of judging partners against it.
 */
public class ReferenceDataException extends RuntimeException {

    public ReferenceDataException(String dataset, List<String> problems) {
        super("Reference data " + dataset + " is broken (the agency's data, so the run stops): "
                + String.join("; ", problems));
    }
}
