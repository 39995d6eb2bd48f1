package org.glasshouse.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.glasshouse.generate.ReferenceCatalog.Agreement;

/** The 18 months the generated activity covers, and date arithmetic on them. */
final class Period {
    static final LocalDate START = LocalDate.of(2025, 4, 1);
    static final LocalDate END = LocalDate.of(2026, 9, 30);
    /** The as-of date the expected figures in the README are computed for (totals are the same for any later date). */
    static final LocalDate AS_OF = END;
    static final List<YearMonth> MONTHS;

    static {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(START); !m.isAfter(YearMonth.from(END)); m = m.plusMonths(1)) {
            months.add(m);
        }
        MONTHS = List.copyOf(months);
    }

    private Period() {
    }

    /** clamp((date - start) / (end - start), 0, 1) in days. */
    static double elapsed(Agreement ag, LocalDate date) {
        double x = (double) ChronoUnit.DAYS.between(ag.start(), date) / ChronoUnit.DAYS.between(ag.start(), ag.end());
        return Math.max(0, Math.min(1, x));
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
