package org.glasshouse.validate.rules;

import java.util.List;
import org.glasshouse.contract.ContractCatalog;

/** The cross-dataset checks every validation uses (nightly, the validate command, the documentation). */
public final class StandardChecks {

    private StandardChecks() {}

    public static List<CrossCheck> of(ContractCatalog contracts, int graceDays) {
        return List.of(new DuplicateKeyCheck(contracts), new ReferenceCheck(contracts), new AgreementCheck(graceDays),
                new IndicatorCheck(), new CurrencyCheck(), new RegionCheck(), new RefundCheck());
    }
}
