package org.glasshouse.reports.model;

import java.util.Objects;

/** A paragraph of plain text (never interpreted as markup). */
public record Paragraph(String text) implements Block {
    public Paragraph {
        Objects.requireNonNull(text, "text");
    }
}
