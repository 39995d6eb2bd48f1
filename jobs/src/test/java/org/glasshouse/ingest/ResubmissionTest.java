package org.glasshouse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.glasshouse.contract.ContractCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resubmission rule: same partner + dataset + file name stem (case-insensitive, any extension) → the latest
 * arrival replaces the earlier file in the run's input set; the earlier file stays in the landing zone.
 */
class ResubmissionTest {

    @TempDir
    Path tmp;

    private static LandedFile f(String partner, String dataset, String name, String arrived, String sha) {
        return new LandedFile(sha, 1, partner, dataset, DatasetNaming.formatOf(name).orElse(null), name, name,
                partner + "/" + sha + "/" + name, arrived, arrived, "1");
    }

    @Test
    void theLatestArrivalForTheSamePartnerDatasetAndStemWins() {
        LandedFile june = f("P01", "services", "services-2026-06.csv", "2026-07-01T00:00:00Z", "a".repeat(64));
        LandedFile juneFixed = f("P01", "services", "Services-2026-06.xlsx", "2026-07-05T00:00:00Z", "b".repeat(64));
        LandedFile july = f("P01", "services", "services-2026-07.csv", "2026-08-01T00:00:00Z", "c".repeat(64));
        LandedFile otherPartner = f("P02", "services", "services-2026-06.csv", "2026-07-02T00:00:00Z", "d".repeat(64));
        LandedFile otherDataset = f("P01", "transactions", "transactions.csv", "2026-07-01T00:00:00Z", "e".repeat(64));

        List<LandedFile> active = LandingManifest.activeSet(List.of(june, juneFixed, july, otherPartner, otherDataset));

        assertThat(active).containsExactly(juneFixed, july, otherDataset, otherPartner);
        // Order of arrival in the manifest does not matter, only arrival time.
        assertThat(LandingManifest.activeSet(List.of(juneFixed, june))).containsExactly(juneFixed);
    }

    @Test
    void aCorrectedFileReplacesTheEarlierOneWhichStaysInTheLandingZone() throws IOException {
        Path input = tmp.resolve("input");
        Path inbox = Files.createDirectories(input.resolve("inbox/P01"));
        Path landing = tmp.resolve("landing");
        Files.writeString(inbox.resolve("services-2026-06.csv"), "record_id\nS-1\n");
        new Ingestor(landing, ContractCatalog.DATASETS, Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC))
                .ingest(input, "1");
        Files.writeString(inbox.resolve("services-2026-06.csv"), "record_id\nS-1-corrected\n");
        Ingestor second = new Ingestor(landing, ContractCatalog.DATASETS,
                Clock.fixed(Instant.parse("2026-07-05T00:00:00Z"), ZoneOffset.UTC));
        IngestResult r = second.ingest(input, "2");

        assertThat(r.landed()).hasSize(1);
        List<LandedFile> all = second.manifest().entries();
        assertThat(all).hasSize(2);
        List<LandedFile> active = LandingManifest.activeSet(all);
        assertThat(active).hasSize(1);
        assertThat(Files.readString(landing.resolve(active.get(0).path()))).contains("S-1-corrected");
        assertThat(Files.readString(landing.resolve(all.get(0).path()))).isEqualTo("record_id\nS-1\n");
        // The same content again is recognised by its checksum and not landed a third time.
        assertThat(second.ingest(input, "3").landed()).isEmpty();
    }
}
