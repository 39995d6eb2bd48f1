package org.glasshouse.nightly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasshouse.feedback.FeedbackRows;
import org.glasshouse.ingest.LandedFile;

/** The feedback's view of a run's input files: file id → partner, dataset and the name the partner gave it. */
public final class FeedbackFiles {

    private FeedbackFiles() {}

    public static Map<String, FeedbackRows.FileInfo> of(List<LandedFile> active) {
        Map<String, FeedbackRows.FileInfo> files = new LinkedHashMap<>();
        for (LandedFile f : active) {
            files.put(f.fileId(), new FeedbackRows.FileInfo(f.fileId(), f.partnerId(), f.dataset(), f.source()));
        }
        return files;
    }
}
