package org.glasshouse.reports.render.html;

/** A link in the page navigation or footer; {@code current} marks the page being viewed. */
public record NavLink(String href, String label, boolean current) {
}
