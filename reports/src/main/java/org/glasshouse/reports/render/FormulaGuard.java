package org.glasshouse.reports.render;

/** CSV formula-injection guard: text a spreadsheet would evaluate gets a leading single quote. */
final class FormulaGuard {
    private FormulaGuard() {
    }

    static String neutralise(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
