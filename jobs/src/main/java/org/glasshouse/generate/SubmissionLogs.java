package org.glasshouse.generate;

import static org.glasshouse.generate.ReferenceCatalog.AGREEMENTS;
import static org.glasshouse.generate.ReferenceCatalog.PARTNERS;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.glasshouse.generate.ReferenceCatalog.Partner;

/**
 * Writes {@code inbox/<partner>/_submissions.csv}, each partner's receipt log (file name, submitted at), with the
 * planted late file's line filled in, and records the one month planted with no services file at all.
 */
final class SubmissionLogs {
    static final String[] HEADER = {"file_name", "submitted_at"};

    private final OutputSet set;
    long rows;

    SubmissionLogs(OutputSet set) {
        this.set = set;
    }

    void write() throws IOException {
        List<PlantedProblem> problems = set.problems;
        for (Partner p : PARTNERS) {
            String rel = "inbox/" + p.id() + "/_submissions.csv";
            List<String[]> logged = new ArrayList<>(set.submissions.getOrDefault(p.id(), List.of()));
            logged.sort(Comparator.comparing((String[] r) -> r[0]));
            try (CsvWriter w = set.open(rel)) {
                w.row(HEADER);
                for (String[] r : logged) {
                    long line = w.row(r);
                    rows++;
                    for (int i = 0; i < problems.size(); i++) {
                        PlantedProblem pp = problems.get(i);
                        if (pp.dataset().equals("submissions") && pp.file().equals(rel) && pp.recordId().equals(r[0])) {
                            problems.set(i, new PlantedProblem(pp.dataset(), pp.file(), line, pp.recordId(), pp.field(),
                                    pp.value(), pp.problem(), false));
                        }
                    }
                }
                set.done(rel, w);
            }
        }
        String missingFile = "inbox/" + Plants.MISSING_PARTNER + "/services-" + Plants.MISSING_MONTH + ".csv";
        set.problem(new PlantedProblem("submissions", missingFile, 0, Plants.MISSING_PARTNER, "(file)", "(absent)",
                "no services file for " + Plants.MISSING_MONTH + " although agreement "
                        + AGREEMENTS.stream().filter(a -> a.partnerId().equals(Plants.MISSING_PARTNER)).findFirst()
                        .orElseThrow().id() + " is active (completeness: one month with no submission)", false));
    }
}
