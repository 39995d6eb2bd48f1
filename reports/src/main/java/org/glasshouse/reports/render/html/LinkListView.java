package org.glasshouse.reports.render.html;

import java.util.List;
import org.glasshouse.reports.model.LinkList;

/** A list of links; the template escapes labels and notes. */
public record LinkListView(List<LinkList.Item> items) implements BlockView {
    @Override
    public String kind() {
        return "links";
    }
}
