package org.glasshouse.reports.model;

import java.util.List;
import java.util.Objects;

/**
 * One HTML page. The file name must be a plain safe file name ending in ".html". Pages with {@code inNav} are in
 * every page's navigation; the others (one per programme, one per partner) are reached through links, so the
 * navigation stays short however many partners there are. Pages with {@code inPrint} are sections of the PDF, in
 * the order of the report's pages (their {@link ScreenOnly} blocks are left out there).
 */
public record Page(String fileName, String title, List<Block> blocks, boolean inNav, boolean inPrint) {
    public Page(String fileName, String title, List<Block> blocks) {
        this(fileName, title, blocks, true, true);
    }

    public Page(String fileName, String title, List<Block> blocks, boolean inNav) {
        this(fileName, title, blocks, inNav, true);
    }

    public Page {
        SafeNames.requireFileName(fileName, "page file name");
        if (!fileName.endsWith(".html")) {
            throw new IllegalArgumentException("page file name must end in .html: " + SafeNames.quote(fileName));
        }
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
    }
}
