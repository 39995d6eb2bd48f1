package org.glasshouse.ingest;

import java.util.List;

/** What one ingest did: files newly landed, files seen before (same checksum), and files it could not take. */
public record IngestResult(List<LandedFile> landed, int alreadyIngested, List<String> problems) {}
