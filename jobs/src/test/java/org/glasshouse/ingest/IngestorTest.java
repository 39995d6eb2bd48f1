package org.glasshouse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.glasshouse.contract.ContractCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestorTest {

    @TempDir Path input;
    @TempDir Path landing;

    private final Clock clock = Clock.fixed(Instant.parse("2026-10-01T02:00:00Z"), ZoneOffset.UTC);

    @Test
    void landsEachFileOnceByChecksumAndKeepsItUnchanged() throws IOException {
        Files.createDirectories(input.resolve("inbox/P01/transactions"));
        Files.createDirectories(input.resolve("reference"));
        Files.writeString(input.resolve("reference/partners.csv"), "partner_id,name\nP01,A\n");
        Files.writeString(input.resolve("inbox/P01/services-2026-06.csv"), "record_id\nR1\n");
        Files.writeString(input.resolve("inbox/P01/transactions/2026.jsonl"), "{}\n");
        Files.createDirectories(input.resolve("receipts"));
        Files.writeString(input.resolve("receipts/P01.csv"),
                "file_name,received_at\nservices-2026-06.csv,2026-07-03T09:00:00Z\n");
        Ingestor ingestor = new Ingestor(landing, ContractCatalog.DATASETS, clock);

        IngestResult first = ingestor.ingest(input, "1");
        IngestResult second = ingestor.ingest(input, "2");

        assertThat(first.landed()).extracting(LandedFile::dataset)
                .containsExactly("partners", "services", "transactions");
        assertThat(first.landed()).extracting(LandedFile::partnerId).containsExactly("_reference", "P01", "P01");
        LandedFile services = first.landed().get(1);
        assertThat(services.submittedAt()).isEqualTo("2026-07-03T09:00:00Z");
        assertThat(services.arrivedAt()).isEqualTo("2026-10-01T02:00:00Z");
        // sha256sum of the 13 bytes "record_id\nR1\n"
        assertThat(services.sha256()).isEqualTo("787d20837ea10f725dbfc0747b9c6fedfb786c1fe8a18f3ee6d8b33df5a6f659");
        assertThat(Files.readString(landing.resolve(services.path()))).isEqualTo("record_id\nR1\n");
        assertThat(second.landed()).isEmpty();
        assertThat(second.alreadyIngested()).isEqualTo(3);
        assertThat(ingestor.manifest().entries()).hasSize(3);
    }

    @Test
    void aPartnerFolderThatIsNotASafeIdIsRefused() throws IOException {
        Files.createDirectories(input.resolve("inbox/..evil"));
        Files.writeString(input.resolve("inbox/..evil/services.csv"), "x\n");
        Files.createDirectories(input.resolve("inbox/P 02"));
        Files.writeString(input.resolve("inbox/P 02/services.csv"), "x\n");

        IngestResult result = new Ingestor(landing, ContractCatalog.DATASETS, clock).ingest(input, "1");

        assertThat(result.landed()).isEmpty();
        assertThat(result.problems()).hasSize(2).allMatch(p -> p.contains("not a valid partner id"));
    }

    @Test
    void partnerFileNamesNeverEscapeTheLandingZone() {
        assertThat(DatasetNaming.safeFileName("../../etc/passwd")).isEqualTo("_._.._etc_passwd");
        assertThat(DatasetNaming.safeFileName(".hidden")).isEqualTo("_hidden");
        assertThat(DatasetNaming.datasetOf(null, "Services-2026-06.csv", ContractCatalog.DATASETS)).contains("services");
        assertThat(DatasetNaming.datasetOf(null, "servicesX.csv", ContractCatalog.DATASETS)).isEmpty();
        assertThat(DatasetNaming.datasetOf("outcome_measurements", "wave1.csv", ContractCatalog.DATASETS))
                .contains("outcome_measurements");
    }
}
