package org.glasshouse.ingest;

import java.util.List;

/**
 * What one ingest did: files newly landed, files seen before (same partner, dataset, name and checksum as the
 * latest landing of that name), findings for partners (refused or superseded entries, failed downloads) and every
 * problem as one line for the run summary (the findings' lines included).
 */
public record IngestResult(List<LandedFile> landed, int alreadyIngested, List<String> problems,
                           List<IngestFinding> findings) {

    public IngestResult(List<LandedFile> landed, int alreadyIngested, List<String> problems) {
        this(landed, alreadyIngested, problems, List.of());
    }
}
