package org.glasshouse.release.standards;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes every sector-standard file of a release and lists them for the catalogues. */
public final class StandardsExports {

    private StandardsExports() {}

    public static List<StandardsFile> write(Path site, ReleaseContext c) throws IOException {
        List<StandardsFile> files = new ArrayList<>(ThreeSixtyGiving.write(site, c));
        files.addAll(IatiActivities.write(site, c));
        return List.copyOf(files);
    }
}
