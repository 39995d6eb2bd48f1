package org.glasshouse.reports.render.html;

/** A column label and its one-line explanation, listed under a table ("What the columns mean"). */
public record GlossaryItem(String term, String explanation) {
}
