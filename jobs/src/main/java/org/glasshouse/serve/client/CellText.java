package org.glasshouse.serve.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** One Arrow cell as text, the way Spark prints it: plain decimals, ISO dates, timestamps without a 'T'. */
public final class CellText {

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss").optionalStart()
            .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd().toFormatter();

    private CellText() {}

    /** The cell's text, or null for a null cell. */
    public static String of(FieldVector v, int row) {
        if (v.isNull(row)) return null;
        if (v instanceof DateDayVector d) return LocalDate.ofEpochDay(d.get(row)).toString();
        if (v instanceof TimeStampMicroTZVector t) {
            Instant at = Instant.EPOCH.plusNanos(Math.multiplyExact(t.get(row), 1000L));
            return TIMESTAMP.format(LocalDateTime.ofInstant(at, zone(t.getTimeZone())));
        }
        if (v instanceof TimeStampMicroVector t) {
            return TIMESTAMP.format(LocalDateTime.ofEpochSecond(Math.floorDiv(t.get(row), 1_000_000L),
                    (int) Math.floorMod(t.get(row), 1_000_000L) * 1000, ZoneOffset.UTC));
        }
        Object o = v.getObject(row);
        if (o instanceof BigDecimal d) return d.toPlainString();
        return String.valueOf(o);
    }

    private static ZoneId zone(String id) {
        return id == null || id.isEmpty() ? ZoneOffset.UTC : ZoneId.of(id);
    }

    /** The SQL name of an Arrow type as Spark writes it (decimal(18,2), date, timestamp, bigint, string, ...). */
    public static String typeName(org.apache.arrow.vector.types.pojo.Field field) {
        ArrowType t = field.getType();
        return switch (t.getTypeID()) {
            case Utf8, LargeUtf8, Utf8View -> "string";
            case Int -> switch (((ArrowType.Int) t).getBitWidth()) {
                case 8 -> "tinyint";
                case 16 -> "smallint";
                case 32 -> "int";
                default -> "bigint";
            };
            case FloatingPoint -> ((ArrowType.FloatingPoint) t).getPrecision()
                    == org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE ? "double" : "float";
            case Decimal -> "decimal(" + ((ArrowType.Decimal) t).getPrecision() + ","
                    + ((ArrowType.Decimal) t).getScale() + ")";
            case Date -> "date";
            case Timestamp -> ((ArrowType.Timestamp) t).getTimezone() == null ? "timestamp_ntz" : "timestamp";
            case Bool -> "boolean";
            case Binary, LargeBinary, BinaryView -> "binary";
            case List, LargeList, FixedSizeList -> "array<" + typeName(field.getChildren().get(0)) + ">";
            case Map -> "map";
            case Struct -> "struct<" + String.join(",", field.getChildren().stream()
                    .map(c -> c.getName() + ":" + typeName(c)).toList()) + ">";
            default -> t.toString();
        };
    }
}
