package org.glasshouse.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA256SUMS in the format of coreutils' sha256sum, so {@code sha256sum -c SHA256SUMS} verifies a release. */
public final class Checksums {

    public static final String FILE = "SHA256SUMS";

    private Checksums() {}

    public static void write(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path f : files(dir)) {
            sb.append(sha256(f)).append("  ").append(dir.relativize(f).toString().replace('\\', '/')).append('\n');
        }
        Files.writeString(dir.resolve(FILE), sb.toString(), StandardCharsets.UTF_8);
    }

    /** Re-reads every file and compares it with SHA256SUMS; returns the mismatches (empty when complete). */
    public static List<String> verify(Path dir) throws IOException {
        List<String> bad = new ArrayList<>();
        Path sums = dir.resolve(FILE);
        if (!Files.exists(sums)) return List.of(FILE + " missing");
        List<String> listed = new ArrayList<>();
        for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            String hash = line.substring(0, 64);
            String name = line.substring(66);
            listed.add(name);
            Path f = dir.resolve(name);
            if (!Files.isRegularFile(f)) bad.add(name + ": missing");
            else if (!sha256(f).equals(hash)) bad.add(name + ": checksum differs");
        }
        for (Path f : files(dir)) {
            String name = dir.relativize(f).toString().replace('\\', '/');
            if (!listed.contains(name)) bad.add(name + ": not listed");
        }
        return bad;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(FILE))
                    .sorted().toList();
        }
    }

    public static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


}
