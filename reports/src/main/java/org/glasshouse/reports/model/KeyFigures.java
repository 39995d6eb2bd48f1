package org.glasshouse.reports.model;

import java.util.List;

/** A row of headline numbers. */
public record KeyFigures(List<KeyFigure> figures) implements Block {
    public KeyFigures {
        figures = List.copyOf(figures);
    }
}
