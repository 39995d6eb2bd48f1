package org.glasshouse.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The agency's receipt log for one partner: {@code <receipts folder>/<partner_id>.csv} with columns
 * {@code file_name} and {@code received_at} (ISO-8601 instant; {@code submitted_at} is read as a synonym), and an
 * optional {@code sha256}. It is written by the agency's own submission portal, outside the partner's drop folder,
 * so partners cannot change it; the default folder is {@code INPUT/receipts/}. When it has no entry for a file
 * (or the entry's sha256 names other bytes) the file's landing time is its receipt time; a receipt time later than
 * the landing is capped at the landing (the agency had the file by then). File modification times, which partners
 * control, are never used.
 */
final class ReceiptLog {

    private record Receipt(Instant at, String sha256) {}

    private static final ReceiptLog NONE = new ReceiptLog(Map.of());
    private final Map<String, Receipt> byName;

    private ReceiptLog(Map<String, Receipt> byName) {
        this.byName = byName;
    }

    /** The partner's log from {@code folder}, or an empty log; unreadable lines are reported in {@code problems}. */
    static ReceiptLog read(Path folder, String partnerId, List<String> problems) {
        if (folder == null) return NONE;
        Path file = folder.resolve(partnerId + ".csv");
        if (!Files.isRegularFile(file)) return NONE;
        Map<String, Receipt> out = new HashMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true).get().parse(r);
            String timeColumn = records.getHeaderMap().containsKey("received_at") ? "received_at" : "submitted_at";
            if (!records.getHeaderMap().containsKey("file_name") || !records.getHeaderMap().containsKey(timeColumn)) {
                problems.add("receipt log " + file + " needs the columns file_name and received_at; it was not used");
                return NONE;
            }
            boolean hasSha = records.getHeaderMap().containsKey("sha256");
            for (CSVRecord rec : records) {
                if (!rec.isConsistent()) continue;
                try {
                    String sha = hasSha && !rec.get("sha256").isBlank() ? rec.get("sha256").toLowerCase(Locale.ROOT) : null;
                    out.put(rec.get("file_name"), new Receipt(Instant.parse(rec.get(timeColumn)), sha));
                } catch (DateTimeParseException e) {
                    problems.add("receipt log " + file + " line " + rec.getRecordNumber() + ": '"
                            + Names.printable(rec.get(timeColumn)) + "' is not an ISO-8601 time such as "
                            + "2026-07-03T09:00:00Z; the landing time is used for " + Names.printable(rec.get("file_name")));
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add("receipt log " + file + " could not be read (" + e.getMessage() + "); landing times are used");
            return NONE;
        }
        return new ReceiptLog(out);
    }

    /** When the agency received this file: the log's time if it has one for these bytes, never after landing. */
    Instant receivedAt(String fileName, String sha256, Instant landed) {
        Receipt r = byName.get(fileName);
        if (r == null || (r.sha256() != null && !r.sha256().equals(sha256))) return landed;
        return r.at().isAfter(landed) ? landed : r.at();
    }
}
