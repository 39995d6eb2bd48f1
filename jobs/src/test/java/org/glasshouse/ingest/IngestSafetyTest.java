package org.glasshouse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.glasshouse.contract.ContractCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing a partner supplies becomes part of a path unchecked. */
class IngestSafetyTest {

    @TempDir
    Path tmp;

    @Test
    void fileNamesAreSanitisedBeforeTheyNameAnything() {
        assertThat(DatasetNaming.safeFileName("../../etc/passwd")).isEqualTo("_._.._etc_passwd");
        assertThat(DatasetNaming.safeFileName("..")).isEqualTo("_.");
        assertThat(DatasetNaming.safeFileName(".hidden.csv")).isEqualTo("_hidden.csv");
        assertThat(DatasetNaming.safeFileName("C:\\Users\\x\\services.csv")).isEqualTo("C__Users_x_services.csv");
        assertThat(DatasetNaming.safeFileName("")).isEqualTo("file");
        assertThat(DatasetNaming.safeFileName("services 2026/06.csv")).isEqualTo("services_2026_06.csv");
        for (String bad : List.of("..", "../P01", "P01/..", ".P01", "P 01", "", "P01\u0000")) {
            assertThat(DatasetNaming.SAFE_ID.matcher(bad).matches()).as(bad).isFalse();
        }
    }

    @Test
    void inboxFoldersThatAreNotPartnerIdsAreRefusedAndEveryLandedFileStaysInsideTheLandingZone() throws IOException {
        Path input = tmp.resolve("input");
        Path good = Files.createDirectories(input.resolve("inbox/P01"));
        Files.writeString(good.resolve("services-2026-06.csv"), "record_id\nS-1\n");
        Files.writeString(good.resolve("Services_2026 (copy).csv"), "record_id\nS-2\n");
        Path bad = Files.createDirectories(input.resolve("inbox/.hidden partner"));
        Files.writeString(bad.resolve("services.csv"), "record_id\nS-3\n");
        Path landing = tmp.resolve("landing");

        IngestResult r = new Ingestor(landing, ContractCatalog.DATASETS, Clock.systemUTC()).ingest(input, "1");

        assertThat(r.landed()).hasSize(2);
        assertThat(r.problems()).containsExactly(
                "inbox folder '.hidden partner' is not a valid partner id; its files were not taken");
        for (LandedFile f : r.landed()) {
            Path p = landing.resolve(f.path()).normalize();
            assertThat(p.startsWith(landing.normalize())).isTrue();
            assertThat(Files.exists(p)).isTrue();
            assertThat(f.path()).doesNotContain("..").doesNotContain(" ");
        }
    }
}
