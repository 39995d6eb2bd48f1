package org.glasshouse.reports.model;

import java.util.List;
import java.util.Objects;

/** A list of links to other pages or files of the site (relative hrefs), each with a plain-text label and note. */
public record LinkList(List<Item> items) implements Block {

    /** @param note optional plain text after the link (null for none) */
    public record Item(String href, String label, String note) {
        public Item {
            Objects.requireNonNull(href, "href");
            Objects.requireNonNull(label, "label");
            if (href.contains(":") || href.startsWith("/") || href.contains("..")) {
                throw new IllegalArgumentException("links must be relative to the site: " + SafeNames.quote(href));
            }
        }
    }

    public LinkList {
        items = List.copyOf(items);
    }
}
