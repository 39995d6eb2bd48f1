package org.glasshouse.validate;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when rows read differ from rows accepted plus rows quarantined: something lost or duplicated rows. */
public class RowAccountingException extends RuntimeException {

    public RowAccountingException(List<FileAccount> unbalanced) {
        super("Row accounting does not hold (rows read != accepted + quarantined) for: " + unbalanced.stream()
                .map(a -> a.dataset() + " " + a.file() + " read=" + a.read() + " accepted=" + a.accepted()
                        + " quarantined=" + a.quarantined())
                .collect(Collectors.joining("; ")));
    }
}
