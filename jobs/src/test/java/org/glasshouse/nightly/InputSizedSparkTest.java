package org.glasshouse.nightly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.glasshouse.ingest.LandedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputSizedSparkTest {

    @TempDir
    Path tmp;

    @Test
    void theRunsInputSizeIsTheSumOfItsActiveFiles() throws Exception {
        Path inputs = tmp.resolve("inputs.json");
        IngestTasklet.JSON.writeValue(inputs.toFile(), List.of(
                file("P01", "services", 1_500_000), file("P02", "transactions", 250_000),
                file(LandedFile.REFERENCE, "agreements", 3_072)));

        assertEquals(1_753_072L, InputSizedSpark.inputBytes(inputs));
    }

    private static LandedFile file(String partner, String dataset, long size) {
        return new LandedFile("ab" + size, size, partner, dataset, "csv", dataset + ".csv", "inbox", partner + "/"
                + dataset + ".csv", "2026-11-25T00:00:00Z", "2026-11-25T00:00:00Z", "1");
    }
}
