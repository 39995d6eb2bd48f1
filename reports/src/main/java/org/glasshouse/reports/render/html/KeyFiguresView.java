package org.glasshouse.reports.render.html;

import java.util.List;

/** A list of headline figures. */
public record KeyFiguresView(List<KeyFigureView> items, List<String> notes) implements BlockView {
    @Override
    public String kind() {
        return "keyfigures";
    }
}
