package org.glasshouse.reports.model;

import java.util.List;

/**
 * Blocks shown only in the PDF: a shorter form of what the web page shows in full (the web page holds the
 * {@link ScreenOnly} long form beside it), so the printed report stays short.
 */
public record PrintOnly(List<Block> blocks) implements Block {
    public PrintOnly {
        blocks = List.copyOf(blocks);
        for (Block b : blocks) {
            if (b instanceof ScreenOnly || b instanceof PrintOnly) {
                throw new IllegalArgumentException("screen-only and print-only blocks do not nest");
            }
        }
    }
}
