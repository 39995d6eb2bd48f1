package org.glasshouse.report;

import static org.glasshouse.reports.model.ColumnType.DATE;
import static org.glasshouse.reports.model.ColumnType.ID;
import static org.glasshouse.reports.model.ColumnType.MONEY;
import static org.glasshouse.reports.model.ColumnType.TEXT;

import java.util.List;
import org.glasshouse.reports.model.Column;

/**
 * The agency's reference data published beside the metrics, so readers can name what the ids stand for and the
 * pages can title a partner's page with its name. Loaded from the run's curated tables of the same name; only these
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

    public static List<PublicTable> all() {
        return List.of(PARTNERS, PROGRAMMES);
    }
}
