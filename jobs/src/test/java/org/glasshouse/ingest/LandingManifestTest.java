package org.glasshouse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LandingManifestTest {

    private static LandedFile file(String sha, String partner, String dataset, String name, String arrived) {
        return new LandedFile(sha + "0".repeat(64 - sha.length()), 10, partner, dataset, "csv", name,
                "inbox/" + partner + "/" + name, partner + "/" + sha + "/" + name, arrived, arrived, "1");
    }

    @Test
    void aResubmittedPeriodReplacesTheEarlierFileOthersStay() {
        LandedFile june = file("a", "P01", "services", "services-2026-06.csv", "2026-07-10T00:00:00Z");
        LandedFile july = file("b", "P01", "services", "services-2026-07.csv", "2026-08-10T00:00:00Z");
        LandedFile juneFixed = file("c", "P01", "services", "Services-2026-06.jsonl", "2026-07-20T00:00:00Z");
        LandedFile otherPartnerJune = file("d", "P02", "services", "services-2026-06.csv", "2026-07-01T00:00:00Z");

        List<LandedFile> active = LandingManifest.activeSet(List.of(june, july, juneFixed, otherPartnerJune));

        assertThat(active).containsExactly(juneFixed, july, otherPartnerJune);
    }

    @Test
    void filesWithoutADatasetAreNeverValidated() {
        LandedFile unknown = new LandedFile("e".repeat(64), 1, "P01", null, "csv", "notes.csv", "s", "p",
                "2026-01-01T00:00:00Z", null, "1");
        assertThat(LandingManifest.activeSet(List.of(unknown))).isEmpty();
    }
}
