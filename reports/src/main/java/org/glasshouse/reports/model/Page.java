package org.glasshouse.reports.model;

import java.util.List;
import java.util.Objects;

/** One HTML page. The file name must be a plain safe file name ending in ".html". */
public record Page(String fileName, String title, List<Block> blocks) {
    public Page {
        SafeNames.requireFileName(fileName, "page file name");
        if (!fileName.endsWith(".html")) {
            throw new IllegalArgumentException("page file name must end in .html: " + SafeNames.quote(fileName));
        }
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
    }
}
