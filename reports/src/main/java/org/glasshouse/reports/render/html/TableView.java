package org.glasshouse.reports.render.html;

import java.util.List;

/**
 * A table ready for the template: an id (for the caption, so the scrolling region is named by it), caption, headers,
 * formatted rows, notes explaining markers, the columns' explanations, and whether it is wide enough to need the
 * sideways-scrolling cue on a phone.
 */
public record TableView(String id, String caption, List<HeaderView> headers, List<List<CellView>> rows,
                        List<String> notes, List<GlossaryItem> glossary, boolean wide) implements BlockView {
    @Override
    public String kind() {
        return "table";
    }
}
