package org.glasshouse.validate.rules;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.glasshouse.contract.ContractCatalog;
import org.glasshouse.contract.FieldSpec;

/**
 * Reference integrity declared in the contracts ({@code references: {id, dataset}} on a field): the value must be a
 * key of an accepted row of the referenced dataset, e.g. an agreement's partner_id must be a known partner. Adding
 * such a rule is one contract entry.
 */
public final class ReferenceCheck implements CrossCheck {

    private final ContractCatalog contracts;

    public ReferenceCheck(ContractCatalog contracts) {
        this.contracts = contracts;
    }

    private List<FieldSpec> referencing(String dataset) {
        return contracts.get(dataset).fields().stream().filter(f -> f.references() != null).toList();
    }

    private static String helper(FieldSpec f) {
        return "_x_ref_" + f.name();
    }

    @Override
    public boolean appliesTo(String dataset) {
        return !referencing(dataset).isEmpty();
    }

    @Override
    public List<String> requires(String dataset) {
        return contracts.get(dataset).referencedDatasets();
    }

    @Override
    public Dataset<Row> prepare(Dataset<Row> rows, String dataset, ReferenceData reference) {
        Dataset<Row> out = rows;
        for (FieldSpec f : referencing(dataset)) {
            FieldSpec.ReferenceCheck r = f.references();
            Dataset<Row> keys = reference.get(r.dataset()).orElseThrow()
                    .select(col(r.field()).cast("string").as(helper(f))).dropDuplicates();
            out = out.join(broadcast(keys), out.col(f.name()).equalTo(col(helper(f))), "left");
        }
        return out;
    }

    @Override
    public List<RowCheck> checks(String dataset) {
        List<RowCheck> checks = new ArrayList<>();
        for (FieldSpec f : referencing(dataset)) {
            FieldSpec.ReferenceCheck r = f.references();
            Column v = col(f.name());
            checks.add(new RowCheck(new RuleInfo(r.ruleId(), dataset, f.name(), Severity.ERROR,
                    f.name() + " exists in " + r.dataset(),
                    "Use a " + r.field() + " of an existing " + r.dataset() + " row, or add that row first.",
                    "a " + r.field() + " of " + r.dataset()),
                    f.name(), ContractChecks.readable().and(v.isNotNull()).and(col(helper(f)).isNull()), v,
                    ContractChecks.msg(f.name() + " '", v, "' is not a known " + r.field() + " in " + r.dataset() + ".")));
        }
        return checks;
    }
}
