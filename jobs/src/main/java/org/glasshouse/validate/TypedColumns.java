package org.glasshouse.validate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lower;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.glasshouse.contract.Contract;
import org.glasshouse.contract.FieldSpec;
import org.glasshouse.validate.read.RawRows;

/** The curated projection: contract fields at their declared types, plus the row's lineage. */
public final class TypedColumns {

    public static final List<String> LINEAGE = List.of(RawRows.PARTNER_ID, RawRows.FILE_ID, RawRows.LINE);

    private TypedColumns() {}

    public static Column[] of(Contract contract) {
        List<Column> cols = new ArrayList<>();
        for (FieldSpec f : contract.fields()) {
            Column text = col(f.name());
            Column typed = switch (f.type()) {
                case STRING -> text;
                case BOOLEAN -> lower(text).equalTo("true");
                default -> text.try_cast(f.type().sparkType());
            };
            cols.add(typed.as(f.name()));
        }
        LINEAGE.forEach(l -> cols.add(col(l)));
        return cols.toArray(Column[]::new);
    }
}
