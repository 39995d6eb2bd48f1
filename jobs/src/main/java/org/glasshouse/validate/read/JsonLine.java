package org.glasshouse.validate.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns one JSON Lines record into contract field values, bounded: Jackson's own stream constraints refuse nesting
 * deeper than the limit (ROW-009), number literals and strings longer than their limits (ROW-010, ROW-006); this
 * class refuses an object with more keys than the limit (ROW-011) and a number whose plain decimal form would be
 * longer than the limit (ROW-010: 1e999999999 is 11 characters but a billion digits written out). Numbers keep the
 * digits the partner wrote (-250.00 stays -250.00). Distinct flex_* keys are counted per file: keys beyond the flex
 * limit are not echoed back.
 */
final class JsonLine {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** The contract values (or the rule broken, values then null) and the flex_* keys as a JSON object. */
    record Parsed(String[] values, String flex, String rule, String detail) {}

    private final List<String> fieldNames;
    private final InputLimits limits;
    private final ObjectMapper mapper;
    private final Set<String> flexKeys = new LinkedHashSet<>();
    private final Set<String> droppedFlex = new LinkedHashSet<>();
    private long dropped;

    JsonLine(List<String> fieldNames, InputLimits limits) {
        this.fieldNames = fieldNames;
        this.limits = limits;
        this.mapper = constrainedMapper(limits);
    }

    /** A mapper whose parser refuses what goes beyond the limits, and keeps the digits of decimal numbers. */
    static ObjectMapper constrainedMapper(InputLimits limits) {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.jsonDepth())
                .maxNumberLength(limits.jsonNumberDigits())
                .maxStringLength(limits.fieldChars())
                .maxNameLength(limits.fieldChars())
                .build()).build();
        return new ObjectMapper(factory).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    Parsed parse(String text) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (StreamConstraintsException e) {
            return constraint(e);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) return refused(MalformedRule.NOT_A_JSON_OBJECT, null);
        long keys = countKeys(node);
        if (keys > limits.jsonKeys()) {
            return refused(MalformedRule.TOO_MANY_KEYS, String.format(Locale.ROOT,
                    "The object has %,d keys, more than the limit of %,d.", keys, limits.jsonKeys()));
        }
        String[] values = new String[fieldNames.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = node.get(fieldNames.get(i));
            String tooBig = tooBig(v);
            if (tooBig != null) {
                return refused(MalformedRule.NUMBER_TOO_LARGE, fieldNames.get(i) + " " + tooBig);
            }
            values[i] = text(v);
            if (values[i] != null && values[i].length() > limits.fieldChars()) {
                return refused(MalformedRule.FIELD_TOO_LONG, String.format(Locale.ROOT,
                        "The value of %s is longer than %,d characters (the field limit).", fieldNames.get(i),
                        limits.fieldChars()));
            }
        }
        ObjectNode flex = MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().startsWith("flex_")) continue;
            if (!flexKeys.contains(e.getKey())) {
                if (flexKeys.size() >= limits.flexColumns()) {
                    if (droppedFlex.size() < limits.flexColumns() + 1000 && droppedFlex.add(e.getKey())) dropped++;
                    continue;
                }
                flexKeys.add(e.getKey());
            }
            String v = tooBig(e.getValue()) != null ? null : text(e.getValue());
            flex.put(e.getKey(), v == null ? null : RawText.bounded(v, limits.fieldChars()));
        }
        return new Parsed(values, flex.isEmpty() ? null : flex.toString(), null, null);
    }

    /** Distinct flex_* keys not echoed back because the file had more than the limit (counted up to a bound). */
    long droppedFlexKeys() {
        return dropped;
    }

    private Parsed constraint(StreamConstraintsException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("nesting depth")) {
            return refused(MalformedRule.JSON_TOO_DEEP, String.format(Locale.ROOT,
                    "The object is nested deeper than %d levels (the limit).", limits.jsonDepth()));
        }
        if (lower.contains("number")) {
            return refused(MalformedRule.NUMBER_TOO_LARGE, String.format(Locale.ROOT,
                    "A number has more than %,d digits (the limit).", limits.jsonNumberDigits()));
        }
        return refused(MalformedRule.FIELD_TOO_LONG, String.format(Locale.ROOT,
                "A key or value is longer than %,d characters (the field limit).", limits.fieldChars()));
    }

    private static Parsed refused(String rule, String detail) {
        return new Parsed(null, null, rule, detail);
    }

    /** Keys of the object and of every object inside it (iterative: nesting is bounded, but no recursion needed). */
    private static long countKeys(JsonNode root) {
        long n = 0;
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            JsonNode x = todo.pop();
            if (x.isObject()) n += x.size();
            if (x.isContainerNode()) x.forEach(todo::push);
        }
        return n;
    }

    /** Why a number value cannot be written out in plain notation within the limit, or null when it can. */
    private String tooBig(JsonNode v) {
        if (v == null || !(v.isBigDecimal() || v.isDouble() || v.isFloat())) return null;
        BigDecimal d = v.decimalValue();
        long integerDigits = Math.max(1L, (long) d.precision() - d.scale());
        long fractionDigits = Math.max(0, d.scale());
        if (integerDigits + fractionDigits > limits.jsonNumberDigits()) {
            return String.format(Locale.ROOT, "is a number of %,d digits written out, more than the limit of %,d.",
                    integerDigits + fractionDigits, limits.jsonNumberDigits());
        }
        return null;
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isBigDecimal() || v.isDouble() || v.isFloat()) return v.decimalValue().toPlainString();
        if (v.isValueNode()) return FileParser.blankToNull(v.asText());
        return v.toString();
    }
}
