package org.glasshouse.reports.render.html;

import java.util.List;

/** A table ready for the template: caption, headers, formatted rows and notes explaining markers. */
public record TableView(String caption, List<HeaderView> headers, List<List<CellView>> rows, List<String> notes)
        implements BlockView {
    @Override
    public String kind() {
        return "table";
    }
}
