package org.glasshouse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * Duplicates are keyed on partner, dataset, name and checksum; receipt times come from the agency, never from the
 * partner; a torn manifest line never stops a later ingest.
 */
class DuplicatesAndReceiptsTest {

    @TempDir
    Path tmp;

    private Ingestor at(String instant) {
        return new Ingestor(tmp.resolve("landing"), ContractCatalog.DATASETS,
                Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private Path inbox(String partner) throws IOException {
        return Files.createDirectories(tmp.resolve("input/inbox").resolve(partner));
    }

    private Path input() {
        return tmp.resolve("input");
    }

    @Test
    void identicalBytesFromTwoPartnersBothLandAsTwoFiles() throws IOException {
        Files.writeString(inbox("P1").resolve("services.csv"), "record_id\nS-1\n");
        Files.writeString(inbox("P2").resolve("services.csv"), "record_id\nS-1\n");
        IngestResult r = at("2026-07-01T00:00:00Z").ingest(input(), "1");
        assertThat(r.landed()).extracting(LandedFile::partnerId).containsExactly("P1", "P2");
        assertThat(r.landed().get(0).sha256()).isEqualTo(r.landed().get(1).sha256());
        assertThat(r.landed().get(0).fileId()).isNotEqualTo(r.landed().get(1).fileId());
        assertThat(LandingManifest.activeSet(r.landed())).hasSize(2);
    }

    @Test
    void aPartnerWhoSendsAThenBThenAAgainEndsOnA() throws IOException {
        Path f = inbox("P1").resolve("services-2026-06.csv");
        String a = "record_id\nS-A\n";
        Files.writeString(f, a);
        at("2026-07-01T00:00:00Z").ingest(input(), "1");
        Files.writeString(f, "record_id\nS-B\n");
        at("2026-07-02T00:00:00Z").ingest(input(), "2");
        Files.writeString(f, a);
        Ingestor third = at("2026-07-03T00:00:00Z");
        IngestResult r = third.ingest(input(), "3");

        assertThat(r.landed()).hasSize(1);
        assertThat(r.alreadyIngested()).isZero();
        List<LandedFile> active = LandingManifest.activeSet(third.manifest().entries());
        assertThat(active).hasSize(1);
        assertThat(active.get(0).arrivedAt()).isEqualTo("2026-07-03T00:00:00Z");
        assertThat(Files.readString(tmp.resolve("landing").resolve(active.get(0).path()))).isEqualTo(a);
        assertThat(third.manifest().entries()).hasSize(3);
        // And a fourth run with A unchanged finds nothing new.
        IngestResult fourth = at("2026-07-04T00:00:00Z").ingest(input(), "4");
        assertThat(fourth.landed()).isEmpty();
        assertThat(fourth.alreadyIngested()).isEqualTo(1);
    }

    @Test
    void twoFilesOfTheSameSubmissionAreBothKeptAndThePartnerIsToldWhichCounts() throws IOException {
        Path p1 = inbox("P1");
        Files.writeString(p1.resolve("services-2026-06.csv"), "record_id\nS-1\n");
        at("2026-07-01T00:00:00Z").ingest(input(), "1");
        Files.writeString(p1.resolve("Services-2026-06.jsonl"), "{\"record_id\":\"S-1b\"}\n");
        Files.createDirectories(p1.resolve("services"));
        Files.writeString(p1.resolve("services/services-2026-06.csv"), "record_id\nS-2\n");
        IngestResult r = at("2026-07-02T00:00:00Z").ingest(input(), "2");

        assertThat(r.landed()).extracting(LandedFile::source)
                .containsExactly("inbox/P1/Services-2026-06.jsonl", "inbox/P1/services/services-2026-06.csv");
        assertThat(r.findings()).extracting(IngestFinding::file, IngestFinding::ruleId, IngestFinding::severity)
                .containsExactly(tuple("inbox/P1/services-2026-06.csv", IngestRule.SUPERSEDED, "warning"));
        assertThat(r.findings().get(0).message()).isEqualTo("inbox/P1/services-2026-06.csv is replaced by "
                + "inbox/P1/Services-2026-06.jsonl (same partner, dataset and name without extension, received later); "
                + "only inbox/P1/Services-2026-06.jsonl is validated.");
        // The file in the services/ folder is a submission of its own.
        assertThat(LandingManifest.activeSet(r.landed())).hasSize(2);
    }

    @Test
    void receiptTimesComeFromTheAgencysLogOrTheLandingNeverFromThePartner() throws IOException {
        Path p1 = inbox("P1");
        Files.writeString(p1.resolve("services-2026-06.csv"), "record_id\nS-1\n");
        Files.writeString(p1.resolve("services-2026-07.csv"), "record_id\nS-2\n");
        Files.writeString(p1.resolve("services-2026-08.csv"), "record_id\nS-3\n");
        Files.writeString(p1.resolve("services-2026-09.csv"), "record_id\nS-4\n");
        // What the partner writes is not believed: its own log and its files' modification times.
        Files.writeString(p1.resolve("_submissions.csv"),
                "file_name,submitted_at\nservices-2026-09.csv,2026-07-01T00:00:00Z\n");
        IngestSafetyTest.touch(p1.resolve("services-2026-09.csv"), "2026-07-01T00:00:00Z");
        Path receipts = Files.createDirectories(input().resolve("receipts"));
        String shaOther = "0".repeat(64);
        Files.writeString(receipts.resolve("P1.csv"), """
                file_name,received_at,sha256
                services-2026-06.csv,2026-07-03T09:00:00Z,
                services-2026-07.csv,2026-12-31T00:00:00Z,
                services-2026-08.csv,2026-09-01T00:00:00Z,%s
                """.formatted(shaOther));
        IngestResult r = at("2026-10-01T02:00:00Z").ingest(input(), "1");

        assertThat(r.landed()).extracting(LandedFile::originalName, LandedFile::submittedAt).containsExactly(
                tuple("services-2026-06.csv", "2026-07-03T09:00:00Z"),
                // A receipt after the landing is capped at the landing: the agency had the file by then.
                tuple("services-2026-07.csv", "2026-10-01T02:00:00Z"),
                // A receipt for other bytes does not apply.
                tuple("services-2026-08.csv", "2026-10-01T02:00:00Z"),
                tuple("services-2026-09.csv", "2026-10-01T02:00:00Z"));
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void aBadReceiptLineIsReportedAndTheLandingTimeUsed() throws IOException {
        Files.writeString(inbox("P1").resolve("services.csv"), "record_id\nS-1\n");
        Files.createDirectories(input().resolve("receipts"));
        Files.writeString(input().resolve("receipts/P1.csv"), "file_name,received_at\nservices.csv,yesterday\n");
        IngestResult r = at("2026-10-01T02:00:00Z").ingest(input(), "1");
        assertThat(r.landed().get(0).submittedAt()).isEqualTo("2026-10-01T02:00:00Z");
        assertThat(r.problems()).containsExactly("receipt log " + input().resolve("receipts/P1.csv") + " line 1: "
                + "'yesterday' is not an ISO-8601 time such as 2026-07-03T09:00:00Z; the landing time is used for "
                + "services.csv");
    }

    /**
     * Turns the landing zone's manifest into the append-only manifest.jsonl of landing zones written before the
     * manifest became one object per file (what an older output folder holds), and returns it.
     */
    private Path asLegacyManifest() throws IOException {
        Path entries = tmp.resolve("landing/manifest");
        StringBuilder lines = new StringBuilder();
        try (var s = Files.list(entries)) {
            for (Path p : s.sorted().toList()) {
                lines.append(Files.readString(p));
                Files.delete(p);
            }
        }
        Files.delete(entries);
        Path manifest = tmp.resolve("landing/manifest.jsonl");
        Files.writeString(manifest, lines);
        return manifest;
    }

    @Test
    void aTornLastManifestLineIsIgnoredReportedAndRepaired() throws IOException {
        Files.writeString(inbox("P1").resolve("services-2026-06.csv"), "record_id\nS-1\n");
        at("2026-07-01T00:00:00Z").ingest(input(), "1");
        Path manifest = asLegacyManifest();
        String good = Files.readString(manifest);
        // A crash in the middle of appending the next line.
        Files.writeString(manifest, good + "{\"sha256\":\"abc\",\"size\":1", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        Files.writeString(inbox("P1").resolve("services-2026-07.csv"), "record_id\nS-2\n");

        assertThat(new LandingManifest(manifest).entries()).hasSize(1);
        IngestResult r = at("2026-08-01T00:00:00Z").ingest(input(), "2");

        assertThat(r.landed()).extracting(LandedFile::originalName).containsExactly("services-2026-07.csv");
        assertThat(r.alreadyIngested()).isEqualTo(1);
        assertThat(r.problems()).containsExactly("landing manifest " + manifest + ": a torn last line (left by an "
                + "interrupted run) was removed: {\"sha256\":\"abc\",\"size\":1; its file, if complete, is landed again");
        // The legacy log is repaired and kept (never appended to again); the new file has an entry object.
        List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        assertThat(Files.readString(manifest)).isEqualTo(good);
        assertThat(new LandingManifest(manifest).entries()).extracting(LandedFile::originalName)
                .containsExactly("services-2026-06.csv", "services-2026-07.csv");
        assertThat(tmp.resolve("landing/manifest")).isDirectoryContaining(p -> p.getFileName().toString()
                .matches("0000000001-[0-9a-f]{64}\\.json"));
    }

    @Test
    void aCompleteButUnterminatedLastLineIsKeptAndTerminated() throws IOException {
        Files.writeString(inbox("P1").resolve("services-2026-06.csv"), "record_id\nS-1\n");
        at("2026-07-01T00:00:00Z").ingest(input(), "1");
        Path manifest = asLegacyManifest();
        String good = Files.readString(manifest);
        Files.writeString(manifest, good.substring(0, good.length() - 1));
        Files.writeString(inbox("P1").resolve("services-2026-07.csv"), "record_id\nS-2\n");
        IngestResult r = at("2026-08-01T00:00:00Z").ingest(input(), "2");
        assertThat(r.problems()).isEmpty();
        assertThat(r.alreadyIngested()).isEqualTo(1);
        assertThat(new LandingManifest(manifest).entries()).hasSize(2);
    }

    @Test
    void aDamagedLineInsideTheManifestIsTheAgencysFaultAndNamed() throws IOException {
        Path manifest = Files.createDirectories(tmp.resolve("landing")).resolve("manifest.jsonl");
        Files.writeString(manifest, "{not json}\n{}\n");
        assertThatThrownBy(() -> new LandingManifest(manifest).entries())
                .hasMessageStartingWith("landing manifest " + manifest + " line 1 is not a landed-file record");
    }
}
