package org.glasshouse.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What the public entry point serves now: the release OUT/site links to, and when the link was switched to it
 * (the link is made just before its atomic rename, so its own modification time is the moment of publication).
 */
public record SiteState(String release, Instant published) {

    public static final SiteState NONE = new SiteState(null, null);

    public static SiteState read(Path out) {
        Path site = out.resolve("site");
        try {
            if (!Files.isSymbolicLink(site)) return NONE;
            Path target = Files.readSymbolicLink(site);
            Instant at = Files.getLastModifiedTime(site, LinkOption.NOFOLLOW_LINKS).toInstant();
            return new SiteState(target.getFileName().toString(), at);
        } catch (IOException e) {
            return NONE;
        }
    }

    public boolean exists() {
        return release != null;
    }
}
