package org.glasshouse.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The golden fixture's curated tables written as a completed run's curated Parquet (for commands that read runs). */
public final class GoldenCuratedRun {

    public static final List<String> DATASETS = List.of("partners", "programmes", "agreements", "indicators",
            "fx_rates", "transactions", "services", "results", "outcome_measurements");

    private GoldenCuratedRun() {}

    /** Writes OUT/private/runs/RUN/curated/* and a COMPLETED summary. */
    public static void write(Path out, long run) throws IOException {
        Path runDir = out.resolve("private").resolve("runs").resolve(Long.toString(run));
        for (String d : DATASETS) {
            GoldenFixture.table(d).coalesce(1).write().parquet(runDir.resolve("curated").resolve(d).toString());
        }
        Files.writeString(runDir.resolve("summary.json"), "{\"status\":\"COMPLETED\"}");
    }
}
