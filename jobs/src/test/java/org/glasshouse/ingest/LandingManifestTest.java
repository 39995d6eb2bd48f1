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

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path tmp;

    private static LandedFile entry(int i, String arrived) {
        String sha = String.format("%064x", i);
        return new LandedFile(sha, i, "P01", "services", "csv", "services-" + i + ".csv",
                "inbox/P01/services-" + i + ".csv", "P01/" + sha + "/services-" + i + ".csv", arrived, arrived, "1");
    }

    @Test
    void eachEntryIsOneObjectWrittenOnceAndTheManifestIsTheirListingInArrivalOrder() throws java.io.IOException {
        org.glasshouse.storage.Location zone = org.glasshouse.storage.Location.of(tmp.resolve("landing"));
        LandingManifest m = new LandingManifest(zone);
        List<LandedFile> written = new java.util.ArrayList<>();
        // Twelve arrivals at the same instant: the order is the order they were recorded in, past 9 and 10.
        for (int i = 1; i <= 12; i++) {
            LandedFile f = entry(i, "2026-07-01T00:00:00Z");
            m.append(f);
            written.add(f);
        }
        java.nio.file.Path dir = tmp.resolve("landing/manifest");
        List<String> names;
        try (var s = java.nio.file.Files.list(dir)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names).hasSize(12);
        assertThat(names.get(0)).isEqualTo("0000000001-" + String.format("%064x", 1) + ".json");
        assertThat(names.get(11)).isEqualTo("0000000012-" + String.format("%064x", 12) + ".json");
        assertThat(java.nio.file.Files.readString(dir.resolve(names.get(0))))
                .isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(written.get(0)) + "\n");
        assertThat(m.entries()).containsExactlyElementsOf(written);
        // A new reader (the next run) continues the sequence; a temporary file of an interrupted write is no entry.
        java.nio.file.Files.writeString(dir.resolve(".0000000013-x.json.tmp"), "{\"torn");
        LandingManifest next = new LandingManifest(zone);
        LandedFile thirteenth = entry(13, "2026-06-01T00:00:00Z");
        next.append(thirteenth);
        assertThat(dir.resolve("0000000013-" + thirteenth.sha256() + ".json")).exists();
        assertThat(new LandingManifest(zone).entries()).hasSize(13).last().isEqualTo(thirteenth);
        assertThat(tmp.resolve("landing/manifest.jsonl")).doesNotExist();
    }

    @Test
    void aLegacyManifestJsonlIsReadFirstAndKeptUnchanged() throws java.io.IOException {
        java.nio.file.Path landing = java.nio.file.Files.createDirectories(tmp.resolve("landing"));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        LandedFile old1 = entry(1, "2026-05-01T00:00:00Z");
        LandedFile old2 = entry(2, "2026-05-02T00:00:00Z");
        String legacy = json.writeValueAsString(old1) + "\n" + json.writeValueAsString(old2) + "\n";
        java.nio.file.Files.writeString(landing.resolve("manifest.jsonl"), legacy);
        LandingManifest m = new LandingManifest(org.glasshouse.storage.Location.of(landing));
        assertThat(m.entries()).containsExactly(old1, old2);
        assertThat(m.repair()).isEmpty();
        LandedFile fresh = entry(3, "2026-06-01T00:00:00Z");
        m.append(fresh);
        // The history of the older output folder is kept: its lines first, then the new objects.
        assertThat(new LandingManifest(landing.resolve("manifest.jsonl")).entries()).containsExactly(old1, old2, fresh);
        assertThat(java.nio.file.Files.readString(landing.resolve("manifest.jsonl"))).isEqualTo(legacy);
        assertThat(landing.resolve("manifest/0000000001-" + fresh.sha256() + ".json")).exists();
    }

    @Test
    void aDamagedEntryObjectIsTheAgencysFaultAndNamed() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(tmp.resolve("landing/manifest"));
        java.nio.file.Path bad = dir.resolve("0000000001-" + "a".repeat(64) + ".json");
        java.nio.file.Files.writeString(bad, "{not json");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new LandingManifest(org.glasshouse.storage.Location.of(tmp.resolve("landing"))).entries())
                .hasMessageStartingWith("landing manifest entry " + bad + " is not a landed-file record");
    }
}
