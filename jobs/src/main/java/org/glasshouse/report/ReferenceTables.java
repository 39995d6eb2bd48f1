package org.glasshouse.report;

import static org.glasshouse.reports.model.ColumnType.DATE;
import static org.glasshouse.reports.model.ColumnType.ID;
import static org.glasshouse.reports.model.ColumnType.MONEY;
import static org.glasshouse.reports.model.ColumnType.TEXT;

import java.util.List;
import org.glasshouse.reports.model.Column;

/**
 * The agency's reference data published beside the metrics, so readers can name what the ids stand for, the
 * pages can title a partner's page with its name, and the 360Giving and IATI files can state each agreement's terms. Loaded from the run's curated tables of the same name; only these
 * columns are published (partners' registered_id and any flex_* column are not).
 */
public final class ReferenceTables {

    private ReferenceTables() {}

    public static final PublicTable PARTNERS = new PublicTable("partners", "Partners", List.of(
            new Column("partner_id", ID, "Partner identifier."),
            new Column("name", TEXT, "Partner's name as registered with the agency."),
            new Column("partner_type", ID, "nonprofit, business, academic, community or government."),
            new Column("region_code", ID, "Region of the partner's registered office.")),
            List.of(), List.of(), List.of("partner_id"));

    public static final PublicTable PROGRAMMES = new PublicTable("programmes", "Programmes", List.of(
            new Column("programme_id", ID, "Programme identifier."),
            new Column("name", TEXT, "Programme name."),
            new Column("agency", TEXT, "Agency running the programme."),
            new Column("sector", ID, "Policy sector."),
            new Column("start_date", DATE, "First day of the programme."),
            new Column("end_date", DATE, "Last day of the programme."),
            new Column("budget", MONEY, "Programme budget in its currency."),
            new Column("currency", ID, "ISO 4217 currency of the budget.")),
            List.of(), List.of(), List.of("programme_id"));

    /** Agreements' terms: what the 360Giving grants and IATI activities are built from (reporting_due_day is not). */
    public static final PublicTable AGREEMENTS = new PublicTable("agreements", "Agreements", List.of(
            new Column("agreement_id", ID, "Agreement identifier."),
            new Column("programme_id", ID, "Programme the agreement belongs to."),
            new Column("partner_id", ID, "Partner holding the agreement."),
            new Column("start_date", DATE, "First day of the agreement."),
            new Column("end_date", DATE, "Last day of the agreement."),
            new Column("committed_amount", MONEY, "Amount committed, in the agreement's own currency."),
            new Column("currency", ID, "ISO 4217 currency of the committed amount."),
            new Column("payment_model", ID, "grant, contract or outcomes_based.")),
            List.of(), List.of(), List.of("agreement_id"));

    public static final PublicTable INDICATORS = new PublicTable("indicators", "Indicators", List.of(
            new Column("indicator_id", ID, "Indicator identifier."),
            new Column("programme_id", ID, "Programme the indicator measures."),
            new Column("name", TEXT, "What the indicator measures."),
            new Column("unit", ID, "count, percent, currency or score."),
            new Column("direction", ID, "increase or decrease: the direction that counts as improvement.")),
            List.of(), List.of(), List.of("indicator_id"));

    public static final PublicTable REGIONS = new PublicTable("regions", "Regions", List.of(
            new Column("region_code", ID, "Region code used in the other tables."),
            new Column("name", TEXT, "Region name.")),
            List.of(), List.of(), List.of("region_code"));

    public static List<PublicTable> all() {
        return List.of(PARTNERS, PROGRAMMES, AGREEMENTS, INDICATORS, REGIONS);
    }
}
