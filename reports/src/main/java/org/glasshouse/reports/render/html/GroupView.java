package org.glasshouse.reports.render.html;

import java.util.List;

/** Blocks rendered in sequence (the screen-only blocks of a page; the PDF leaves the group out). */
public record GroupView(List<BlockView> blocks) implements BlockView {
    @Override
    public String kind() {
        return "group";
    }
}
