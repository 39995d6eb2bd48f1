package org.glasshouse.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Copies one source file into a private temporary file of the landing zone and computes the SHA-256 of the bytes
 * written there (the copy is what is hashed, never the partner's file in a second read). The copy is refused when
 * the source is not a regular file when opened, is larger than the limit, or changed while it was copied (its
 * size, modification time or identity differ before and after, or fewer bytes came than it claimed): a file still
 * being written is never landed half, and is taken on a later run once complete.
 */
final class LandingCopy {

    /** The copy's outcome: a complete copy with its checksum, or the rule and message it was refused with. */
    record Result(Path copy, String sha256, long size, String refusedRule, String refusedMessage) {
        boolean refused() {
            return refusedRule != null;
        }
    }

    static final Duration OPEN_TIMEOUT = Duration.ofSeconds(10);

    private LandingCopy() {}

    static Result copy(Path source, String label, boolean followLinks, Path tmp, long maxBytes) throws IOException {
        return copy(source, label, followLinks, tmp, maxBytes, () -> {});
    }

    /** {@code afterFirstRead} is a test seam: a writer appending while the copy runs. */
    static Result copy(Path source, String label, boolean followLinks, Path tmp, long maxBytes,
                       Runnable afterFirstRead) throws IOException {
        LinkOption[] lo = followLinks ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        BasicFileAttributes before = Files.readAttributes(source, BasicFileAttributes.class, lo);
        if (!before.isRegularFile()) {
            return refused(IngestRule.NOT_A_REGULAR_FILE, label + " is not a regular file; it was not opened.");
        }
        if (before.size() > maxBytes) {
            return refused(IngestRule.TOO_LARGE, label + " is " + before.size() + " bytes, more than the "
                    + maxBytes + " bytes the agency accepts; it was not copied.");
        }
        MessageDigest sha = sha256();
        long copied = 0;
        boolean tooLarge = false;
        boolean first = true;
        FileChannel out = openCopy(tmp);
        try (out; FileChannel in = NonBlockingOpen.open(source, followLinks, OPEN_TIMEOUT)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            while (in.read(buf) >= 0) {
                buf.flip();
                copied += buf.remaining();
                if (copied > maxBytes) {
                    tooLarge = true;
                    break;
                }
                sha.update(buf.duplicate());
                write(out, buf, tmp);
                buf.clear();
                if (first) afterFirstRead.run();
                first = false;
            }
            force(out, tmp);
        } catch (LandingZoneException e) {
            Files.deleteIfExists(tmp);
            throw e;
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            if (e.getMessage() != null && e.getMessage().startsWith("opening did not complete")) {
                return refused(IngestRule.NOT_A_REGULAR_FILE, label + " could not be opened as a regular file: "
                        + e.getMessage());
            }
            return refused(IngestRule.NOT_READ, label + " could not be read: " + e);
        }
        if (tooLarge) {
            Files.deleteIfExists(tmp);
            return refused(IngestRule.TOO_LARGE, label + " grew beyond the " + maxBytes
                    + " bytes the agency accepts while it was copied; it was not landed.");
        }
        BasicFileAttributes after = Files.readAttributes(source, BasicFileAttributes.class, lo);
        boolean same = after.isRegularFile() && after.size() == before.size() && copied == before.size()
                && after.lastModifiedTime().equals(before.lastModifiedTime())
                && Objects.equals(after.fileKey(), before.fileKey());
        if (!same) {
            Files.deleteIfExists(tmp);
            return refused(IngestRule.CHANGED_WHILE_COPIED, label + " changed while it was copied (" + before.size()
                    + " bytes before, " + copied + " copied, " + after.size() + " after); it will be taken on a "
                    + "later run once complete.");
        }
        return new Result(tmp, HexFormat.of().formatHex(sha.digest()), copied, null, null);
    }

    /** Writing the landing zone failed (disk full, permissions): the agency's fault, which stops the run. */
    static final class LandingZoneException extends IOException {
        LandingZoneException(Path tmp, IOException cause) {
            this(tmp.toString(), cause);
        }

        LandingZoneException(String where, IOException cause) {
            super("cannot write the landing zone at " + where + ": " + cause.getMessage(), cause);
        }
    }

    private static FileChannel openCopy(Path tmp) throws LandingZoneException {
        try {
            Files.createDirectories(tmp.getParent());
            return FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new LandingZoneException(tmp, e);
        }
    }

    private static void write(FileChannel out, ByteBuffer buf, Path tmp) throws LandingZoneException {
        try {
            while (buf.hasRemaining()) out.write(buf);
        } catch (IOException e) {
            throw new LandingZoneException(tmp, e);
        }
    }

    private static void force(FileChannel out, Path tmp) throws LandingZoneException {
        try {
            out.force(true);
        } catch (IOException e) {
            throw new LandingZoneException(tmp, e);
        }
    }

    private static Result refused(String rule, String message) {
        return new Result(null, null, 0, rule, message);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
