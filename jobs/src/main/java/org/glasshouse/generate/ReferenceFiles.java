package org.glasshouse.generate;

import static org.glasshouse.generate.ReferenceCatalog.AGREEMENTS;
import static org.glasshouse.generate.ReferenceCatalog.INDICATORS;
import static org.glasshouse.generate.ReferenceCatalog.PARTNERS;
import static org.glasshouse.generate.ReferenceCatalog.PROGRAMMES;
import static org.glasshouse.generate.ReferenceCatalog.REGIONS;

import java.io.IOException;
import org.glasshouse.generate.ReferenceCatalog.Agreement;
import org.glasshouse.generate.ReferenceCatalog.Indicator;
import org.glasshouse.generate.ReferenceCatalog.Partner;
import org.glasshouse.generate.ReferenceCatalog.Programme;

/** Writes the agency's reference data, {@code reference/*.csv}, from {@link ReferenceCatalog} (the same for any set). */
final class ReferenceFiles {
    private ReferenceFiles() {
    }

    static void write(OutputSet set) throws IOException {
        try (CsvWriter w = set.open("reference/partners.csv")) {
            w.row("partner_id", "name", "partner_type", "region_code", "registered_id");
            for (Partner p : PARTNERS) {
                w.row(p.id(), p.name(), p.type(), p.regionCode(), p.registeredId());
            }
            set.done("reference/partners.csv", w);
        }
        try (CsvWriter w = set.open("reference/programmes.csv")) {
            w.row("programme_id", "name", "agency", "sector", "start_date", "end_date", "budget", "currency");
            for (Programme p : PROGRAMMES) {
                w.row(p.id(), p.name(), p.agency(), p.sector(), p.start().toString(), p.end().toString(),
                        Decimals.money(p.budgetCents()), p.currency());
            }
            set.done("reference/programmes.csv", w);
        }
        try (CsvWriter w = set.open("reference/agreements.csv")) {
            w.row("agreement_id", "programme_id", "partner_id", "start_date", "end_date", "committed_amount", "currency",
                    "payment_model", "reporting_due_day");
            for (Agreement a : AGREEMENTS) {
                w.row(a.id(), a.programmeId(), a.partnerId(), a.start().toString(), a.end().toString(),
                        Decimals.money(a.committedCents()), a.currency(), a.paymentModel(),
                        Integer.toString(a.reportingDueDay()));
            }
            set.done("reference/agreements.csv", w);
        }
        try (CsvWriter w = set.open("reference/indicators.csv")) {
            w.row("indicator_id", "programme_id", "name", "unit", "direction");
            for (Indicator i : INDICATORS) {
                w.row(i.id(), i.programmeId(), i.name(), i.unit(), i.direction());
            }
            set.done("reference/indicators.csv", w);
        }
        try (CsvWriter w = set.open("reference/regions.csv")) {
            w.row("region_code", "name", "priority_target_share");
            for (ReferenceCatalog.Region r : REGIONS) {
                w.row(r.code(), r.name(), r.priorityTargetShare());
            }
            set.done("reference/regions.csv", w);
        }
        try (CsvWriter w = set.open("reference/fx_rates.csv")) {
            w.row("currency", "month", "rate_to_reporting_currency");
            for (int i = 0; i < Period.MONTHS.size(); i++) {
                w.row("CAD", Period.MONTHS.get(i).toString(), cadRate(i));
            }
            set.done("reference/fx_rates.csv", w);
        }
    }

    /** USD per CAD for month index i, 4 decimals (a gentle drift with a small wobble). */
    static String cadRate(int monthIndex) {
        long e4 = 7180 + 6L * monthIndex + ((monthIndex * 5L) % 7 - 3) * 4;
        return "0." + Decimals.pad(e4, 4);
    }
}
