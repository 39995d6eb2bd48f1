package org.glasshouse.reports.model;

import java.util.Objects;

/**
 * A section heading. The page title is the page's only h1, so a level-1 heading block is rendered
 * as h2; levels 2..6 are rendered as given.
 */
public record Heading(int level, String text) implements Block {
    public Heading {
        if (level < 1 || level > 6) {
            throw new IllegalArgumentException("heading level must be 1..6: " + level);
        }
        Objects.requireNonNull(text, "text");
    }
}
