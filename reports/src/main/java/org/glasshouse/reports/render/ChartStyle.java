package org.glasshouse.reports.render;

import java.awt.Color;
import java.awt.Font;

/** Fixed fonts and colours for every chart, so output is the same on every run. */
final class ChartStyle {
    static final int WIDTH = 800;
    static final int HEIGHT = 450;

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    static final Color TEXT = new Color(0x1a, 0x1a, 0x1a);
    static final Color BACKGROUND = Color.WHITE;
    static final Color GRID = new Color(0xbb, 0xbb, 0xbb);

    /** Okabe–Ito palette (colour-blind safe); the first five have at least 3:1 contrast against white. */
    private static final Color[] SERIES = {
        new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7), new Color(0x00, 0x00, 0x00), new Color(0x56, 0xB4, 0xE9),
        new Color(0xE6, 0x9F, 0x00), new Color(0xF0, 0xE4, 0x42),
    };

    private ChartStyle() {
    }

    static Color series(int index) {
        return SERIES[index % SERIES.length];
    }
}
