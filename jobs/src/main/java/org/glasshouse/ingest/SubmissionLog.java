package org.glasshouse.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The optional {@code _submissions.csv} receipt log in a partner's drop folder (file_name, submitted_at): when the
 * partner portal records submission times, they beat file modification times, which copies and checkouts reset.
 */
final class SubmissionLog {

    static final String FILE_NAME = "_submissions.csv";

    private SubmissionLog() {}

    static Map<String, String> read(Path partnerDir) throws IOException {
        Path file = partnerDir.resolve(FILE_NAME);
        Map<String, String> times = new HashMap<>();
        if (!Files.isRegularFile(file)) return times;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true).get().parse(r)) {
                if (rec.isMapped("file_name") && rec.isMapped("submitted_at")) {
                    times.put(rec.get("file_name"), rec.get("submitted_at"));
                }
            }
        }
        return times;
    }
}
