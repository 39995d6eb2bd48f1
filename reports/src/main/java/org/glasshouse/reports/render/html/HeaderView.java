package org.glasshouse.reports.render.html;

/** One column header ({@code <th scope="col">}): the plain label; the description may be null. */
public record HeaderView(String text, String description, boolean numeric) {
}
