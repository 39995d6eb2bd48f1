package org.glasshouse.validate.read;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.glasshouse.contract.Contract;

/** Column names of the text rows every reader produces: lineage columns first, then the contract fields as text. */
public final class RawRows {

    public static final String FILE_ID = "_file_id";
    public static final String PARTNER_ID = "_partner_id";
    public static final String LINE = "_line";
    /** The file's place in the order files arrived (added after parsing; not part of {@link #schema}). */
    public static final String FILE_ORDER = "_file_order";
    public static final String RAW = "_raw";
    public static final String MALFORMED = "_malformed";
    public static final String FILE_RULE = "_file_rule";
    public static final String FLEX = "_flex";
    /** Why this row is malformed, in words, when the reader knows more than the rule's standard message. */
    public static final String DETAIL = "_detail";
    /**
     * Set only on a file event: not a row but a file-level finding raised while the file was read on an executor
     * (e.g. FIL-009, the file broke off), carried to the driver in the same dataset. DETAIL holds its message and
     * LINE where it happened. Events are never counted as rows.
     */
    public static final String FILE_EVENT = "_file_event";
    public static final int LINEAGE_COLUMNS = 9;

    private RawRows() {}

    public static StructType schema(Contract contract) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField(FILE_ID, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(PARTNER_ID, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(LINE, DataTypes.LongType, false));
        f.add(DataTypes.createStructField(RAW, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(MALFORMED, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(FILE_RULE, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(FLEX, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(DETAIL, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(FILE_EVENT, DataTypes.StringType, true));
        for (String name : contract.fieldNames()) f.add(DataTypes.createStructField(name, DataTypes.StringType, true));
        return new StructType(f.toArray(StructField[]::new));
    }
}
