package org.glasshouse.reports.render;

import java.util.List;

/** The files a {@link SiteRenderer} wrote, as relative paths with "/" separators, sorted. */
public record RenderedSite(List<String> files) {
    public RenderedSite {
        files = List.copyOf(files);
    }
}
