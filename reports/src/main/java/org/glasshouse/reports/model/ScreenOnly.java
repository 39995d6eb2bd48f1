package org.glasshouse.reports.model;

import java.util.List;

/**
 * Blocks shown on the web page but left out of the PDF: long tables and detail charts whose numbers a reader of the
 * printed report finds in the open data, so the PDF stays short however many rows the data has.
 */
public record ScreenOnly(List<Block> blocks) implements Block {
    public ScreenOnly {
        blocks = List.copyOf(blocks);
        for (Block b : blocks) {
            if (b instanceof ScreenOnly || b instanceof PrintOnly) {
                throw new IllegalArgumentException("screen-only and print-only blocks do not nest");
            }
        }
    }
}
