package org.glasshouse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.glasshouse.contract.ContractCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing a partner supplies becomes part of a path unchecked, is followed out of its folder, or hangs the run. */
class IngestSafetyTest {

    static final String SECRET = "AGENCY-SECRET-BYTES-7d1e";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-01T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private IngestResult ingest(Path input) throws IOException {
        return new Ingestor(tmp.resolve("landing"), ContractCatalog.DATASETS, CLOCK).ingest(input, "1");
    }

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
        Files.writeString(input.resolve("inbox/services.csv"), "record_id\nS-4\n");
        Path landing = tmp.resolve("landing");

        IngestResult r = ingest(input);

        assertThat(r.landed()).hasSize(2);
        assertThat(r.problems()).containsExactly(
                "inbox folder '.hidden partner' is not a valid partner id; its files were not taken",
                "inbox/services.csv is not inside a partner folder (inbox/<partner_id>/); not taken");
        for (LandedFile f : r.landed()) {
            Path p = landing.resolve(f.path()).normalize();
            assertThat(p.startsWith(landing.normalize())).isTrue();
            assertThat(Files.exists(p)).isTrue();
            assertThat(f.path()).doesNotContain("..").doesNotContain(" ");
        }
    }

    @Test
    void linksPipesAndDeepFoldersAreRefusedWithFindingsAndNothingOutsideIsRead() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("agency-private"));
        Path secret = Files.writeString(outside.resolve("services-secret.csv"), "record_id\n" + SECRET + "\n");
        Path input = tmp.resolve("input");
        Path p1 = Files.createDirectories(input.resolve("inbox/P1"));
        Files.writeString(p1.resolve("services-2026-06.csv"), "record_id\nS-1\n");
        Files.createSymbolicLink(p1.resolve("services-2026-07.csv"), secret);
        Files.createSymbolicLink(p1.resolve("transactions"), outside);
        Files.createLink(p1.resolve("services-2026-08.csv"), secret);
        mkfifo(p1.resolve("services-2026-09.csv"));
        Files.createDirectories(p1.resolve("services/2026"));
        Files.writeString(p1.resolve("services/2026/deep.csv"), "record_id\nS-9\n");
        Files.writeString(p1.resolve("services/june.csv"), "record_id\nS-2\n");
        // A partner folder that is itself a link to somewhere else.
        Files.createSymbolicLink(input.resolve("inbox/P2"), outside);

        IngestResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ingest(input));

        assertThat(r.landed()).extracting(LandedFile::source)
                .containsExactly("inbox/P1/services-2026-06.csv", "inbox/P1/services/june.csv");
        assertThat(r.findings()).extracting(IngestFinding::partnerId, IngestFinding::file, IngestFinding::ruleId,
                IngestFinding::severity).containsExactlyInAnyOrder(
                tuple("P1", "inbox/P1/services-2026-07.csv", IngestRule.SYMBOLIC_LINK, "error"),
                tuple("P1", "inbox/P1/transactions", IngestRule.SYMBOLIC_LINK, "error"),
                tuple("P1", "inbox/P1/services-2026-08.csv", IngestRule.HARD_LINK, "error"),
                tuple("P1", "inbox/P1/services-2026-09.csv", IngestRule.NOT_A_REGULAR_FILE, "error"),
                tuple("P1", "inbox/P1/services/2026", IngestRule.NOT_READ, "error"),
                tuple("P2", "inbox/P2", IngestRule.SYMBOLIC_LINK, "error"));
        assertThat(r.problems()).contains("partner P1: inbox/P1/services-2026-08.csv: inbox/P1/services-2026-08.csv is a "
                + "hard link (2 names) to a file that also has a name outside your folder; it was not read. (ING-002, error)");
        assertThat(r.problems()).hasSize(6);
        assertThat(bytesUnder(tmp.resolve("landing"))).doesNotContain(SECRET);
    }

    @Test
    void hardLinksBetweenAPartnersOwnFilesAreAccepted() throws IOException {
        Path input = tmp.resolve("input");
        Path p1 = Files.createDirectories(input.resolve("inbox/P1"));
        Path a = Files.writeString(p1.resolve("services-2026-06.csv"), "record_id\nS-1\n");
        Files.createLink(p1.resolve("services-2026-07.csv"), a);
        IngestResult r = ingest(input);
        assertThat(r.findings()).isEmpty();
        assertThat(r.landed()).extracting(LandedFile::originalName)
                .containsExactly("services-2026-06.csv", "services-2026-07.csv");
        // Identical bytes under two names are two files, with two ids.
        assertThat(r.landed().get(0).fileId()).isNotEqualTo(r.landed().get(1).fileId());
    }

    @Test
    void aFileThatChangesWhileCopiedIsNotLandedHalf() throws IOException {
        Path src = Files.writeString(tmp.resolve("services.csv"), "record_id\n" + "S-1\n".repeat(50_000));
        Path copy = tmp.resolve("landing/_incoming/x.part");
        LandingCopy.Result r = LandingCopy.copy(src, "inbox/P1/services.csv", false, copy, Long.MAX_VALUE, () -> {
            try {
                Files.writeString(src, "S-2\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(r.refusedRule()).isEqualTo(IngestRule.CHANGED_WHILE_COPIED);
        assertThat(r.refusedMessage()).isEqualTo("inbox/P1/services.csv changed while it was copied (200010 bytes "
                + "before, 200014 copied, 200014 after); it will be taken on a later run once complete.");
        assertThat(copy).doesNotExist();

        LandingCopy.Result ok = LandingCopy.copy(src, "inbox/P1/services.csv", false, copy, Long.MAX_VALUE);
        assertThat(ok.refused()).isFalse();
        assertThat(ok.sha256()).isEqualTo(org.glasshouse.publish.Checksums.sha256(copy));
        assertThat(ok.size()).isEqualTo(200_014L);

        LandingCopy.Result big = LandingCopy.copy(src, "inbox/P1/services.csv", false, copy, 1000);
        assertThat(big.refusedRule()).isEqualTo(IngestRule.TOO_LARGE);
    }

    @Test
    void openingAPipeNeverHangs() throws Exception {
        Path fifo = tmp.resolve("swapped.csv");
        mkfifo(fifo);
        long started = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> NonBlockingOpen.open(fifo, false, Duration.ofMillis(300)))
                        .hasMessageStartingWith("opening did not complete within 300 ms"));
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(10.0);
    }

    @Test
    void namesCannotForgeSummaryLines() throws IOException {
        Path input = tmp.resolve("input");
        Path p1 = Files.createDirectories(input.resolve("inbox/P1"));
        Files.writeString(p1.resolve("notes\nproblem: all good.csv"), "x\n");
        IngestResult r = ingest(input);
        assertThat(r.problems()).hasSize(1);
        assertThat(r.problems().get(0)).doesNotContain("\n").startsWith("partner P1: inbox/P1/notes?problem: all good.csv:")
                .endsWith("(ING-006, error)");
    }

    @Test
    void aNameThatIsNotValidTextIsTakenLikeAnyOther() throws Exception {
        Path input = tmp.resolve("input");
        Path p1 = Files.createDirectories(input.resolve("inbox/P1"));
        // A Latin-1 e-acute: one byte that is not UTF-8, as an old system might name a file.
        Process touch = new ProcessBuilder("bash", "-c", "printf 'record_id\\nS-1\\n' > \"$(printf 'services-caf\\351.csv')\"")
                .directory(p1.toFile()).inheritIO().start();
        assertThat(touch.waitFor()).isZero();
        IngestResult r = ingest(input);
        assertThat(r.problems()).isEmpty();
        assertThat(r.landed()).hasSize(1);
        LandedFile f = r.landed().get(0);
        assertThat(f.dataset()).isEqualTo("services");
        assertThat(f.path()).matches("P1/[0-9a-f]{64}/services-caf_+\\.csv");
        assertThat(Files.readString(tmp.resolve("landing").resolve(f.path()))).isEqualTo("record_id\nS-1\n");
    }

    static void mkfifo(Path p) throws Exception {
        Process proc = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
        if (!proc.waitFor(10, TimeUnit.SECONDS) || proc.exitValue() != 0) {
            throw new IllegalStateException("mkfifo failed: " + new String(proc.getInputStream().readAllBytes()));
        }
    }

    /** Every byte of every regular file under dir, as text (links are not followed). */
    static String bytesUnder(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    static void touch(Path p, String instant) throws IOException {
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse(instant)));
    }
}
