package org.glasshouse.contract;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The data contract of one dataset: its fields, their checks and its unique key.
 *
 * @param keyRule rule id for a duplicate key (within and across files), or null when the dataset has no key
 */
public record Contract(String dataset, Kind kind, String description, List<String> key, String keyRule,
                       List<FieldSpec> fields, List<DateOrder> dateOrders) {

    /** A row-level rule between two date fields of the same row: {@code end} must not be before {@code start}. */
    public record DateOrder(String ruleId, String start, String end) {}

    public enum Kind { REFERENCE, SUBMITTED }

    public Optional<FieldSpec> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<String> fieldNames() {
        return fields.stream().map(FieldSpec::name).toList();
    }

    public List<String> requiredFieldNames() {
        return fields.stream().filter(FieldSpec::required).map(FieldSpec::name).toList();
    }

    /** Datasets named by this contract's reference checks: they must be validated first. */
    public List<String> referencedDatasets() {
        return fields.stream().filter(f -> f.references() != null).map(f -> f.references().dataset()).distinct().toList();
    }

    /** Schema of the curated (typed) table. */
    public StructType typedSchema() {
        return new StructType(fields.stream()
                .map(f -> new StructField(f.name(), f.type().sparkType(), true,
                        org.apache.spark.sql.types.Metadata.empty()))
                .toArray(StructField[]::new));
    }

    /** Schema the raw text is read with: every field as a string, so no value is lost before it is judged. */
    public StructType textSchema() {
        return new StructType(fields.stream()
                .map(f -> DataTypes.createStructField(f.name(), DataTypes.StringType, true))
                .toArray(StructField[]::new));
    }
}
