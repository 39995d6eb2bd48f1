package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Every delivery aggregate the metric tables need, from one pass over the services (deequ's "one pass, many
 * analyzers"). The rows are first reduced to one row per agreement and person (units, priority, the values of each
 * breakdown dimension, the months served); every count of people is then taken from that reduction, so the service
 * rows are read and shuffled once however many tables count people. The result is a small tagged table:
 *
 * <ul>
 *   <li>{@code agreement}: k1 agreement_id; refs = distinct beneficiary refs, priority = those in the priority
 *       group</li>
 *   <li>{@code programme}: k1 programme_id; people = (programme, ref) groups, refs = distinct refs, overlap</li>
 *   <li>{@code partner}: k1 partner_id; people = distinct (programme, ref) pairs served by the partner</li>
 *   <li>{@code overall}: people = distinct (programme, ref) pairs</li>
 *   <li>{@code reach}: k1 programme_id, k2 dimension, k3 value; refs = distinct refs served with that value</li>
 *   <li>{@code month}: k1 partner_id, month = a month in which the partner has an accepted service</li>
 * </ul>
 *
 * Units are exact decimal sums (see {@link ExactSum}). As before this change, a missing beneficiary_ref is no person
 * for agreement and breakdown counts, while programme, partner and overall counts take (programme, no ref) as one
 * group, exactly as the per-table queries did.
 */
public final class DeliveryFacts {

    /** Stands for a null dimension value inside collected sets (collect_set drops nulls). */
    private static final String NO_VALUE = "\u0000";

    private DeliveryFacts() {}

    public static Dataset<Row> of(MetricInputs in) {
        return in.derived().get("delivery_facts", () -> computeFresh(in));
    }

    /** agreement_id → _d_agreement, _beneficiaries, _units (double), _priority. */
    public static Dataset<Row> agreements(MetricInputs in) {
        return tag(in, "agreement").select(col("k1").as("_d_agreement"), col("refs").as("_beneficiaries"),
                col("units").cast("double").as("_units"), col("priority").as("_priority"));
    }

    /** _p_programme, _beneficiaries, _units (double), _priority_beneficiaries, _overlap. */
    public static Dataset<Row> programmes(MetricInputs in) {
        return tag(in, "programme").select(col("k1").as("_p_programme"), col("people").as("_beneficiaries"),
                col("units").cast("double").as("_units"), col("priority").as("_priority_beneficiaries"),
                col("overlap").as("_overlap"));
    }

    /** _d_partner, _beneficiaries, _units (double), _priority. */
    public static Dataset<Row> partners(MetricInputs in) {
        return tag(in, "partner").select(col("k1").as("_d_partner"), col("people").as("_beneficiaries"),
                col("units").cast("double").as("_units"), col("priority").as("_priority"));
    }

    /** One row: _beneficiaries, _units (double, null when nothing was served), _priority. */
    public static Dataset<Row> overall(MetricInputs in) {
        return tag(in, "overall").select(col("people").as("_beneficiaries"), col("units").cast("double").as("_units"),
                col("priority").as("_priority"));
    }

    /** programme_id, dimension, value, beneficiaries (distinct refs), _total (the programme's distinct refs). */
    public static Dataset<Row> reach(MetricInputs in) {
        Dataset<Row> totals = tag(in, "programme").select(col("k1").as("_t_programme"), col("refs").as("_total"));
        return tag(in, "reach").select(col("k1").as("programme_id"), col("k2").as("dimension"),
                        when(col("k3").equalTo(NO_VALUE), lit(null).cast("string")).otherwise(col("k3")).as("value"),
                        col("refs").as("beneficiaries"))
                .join(totals, col("programme_id").equalTo(col("_t_programme")));
    }

    /** partner_id, month (first day): the months in which a partner has an accepted service dated. */
    public static Dataset<Row> months(MetricInputs in) {
        return tag(in, "month").select(col("k1").as("partner_id"), col("month"));
    }

    private static Dataset<Row> tag(MetricInputs in, String tag) {
        return of(in).filter(col("tag").equalTo(tag));
    }

    private static Dataset<Row> computeFresh(MetricInputs in) {
        Dataset<Row> ag = in.agreements().select(col("agreement_id").as("_ag_id"), col("programme_id"),
                col("partner_id"));
        List<Column> perPerson = new ArrayList<>(List.of(
                sum(col("units").cast(ExactSum.EXACT)).as("units"),
                max(when(col("priority_group"), lit(1L)).otherwise(lit(0L))).as("priority"),
                collect_set(trunc(col("service_date"), "month")).as("months")));
        for (String d : ReachBreakdown.DIMENSIONS) perPerson.add(collect_set(valueOf(d)).as("_set_" + d));
        Dataset<Row> byAgreementPerson = in.derived().get("delivery_by_agreement_person", () -> in.services()
                .join(broadcast(ag), col("agreement_id").equalTo(col("_ag_id")), "inner")
                .groupBy(col("agreement_id"), col("programme_id"), col("partner_id"), col("beneficiary_ref"))
                .agg(perPerson.get(0), perPerson.subList(1, perPerson.size()).toArray(Column[]::new)));

        List<Column> perProgrammePerson = new ArrayList<>(List.of(
                countDistinct(col("partner_id")).as("partners"), max(col("priority")).as("priority"),
                sum(col("units")).as("units")));
        for (String d : ReachBreakdown.DIMENSIONS) {
            perProgrammePerson.add(array_distinct(flatten(collect_list(col("_set_" + d)))).as("_set_" + d));
        }
        Dataset<Row> byProgrammePerson = byAgreementPerson.groupBy(col("programme_id"), col("beneficiary_ref"))
                .agg(perProgrammePerson.get(0), perProgrammePerson.subList(1, perProgrammePerson.size())
                        .toArray(Column[]::new));

        Dataset<Row> agreement = byAgreementPerson.groupBy(col("agreement_id")).agg(
                count(col("beneficiary_ref")).as("refs"),
                count(when(col("priority").equalTo(1L), col("beneficiary_ref"))).as("priority"),
                sum(col("units")).as("units"));
        Dataset<Row> programme = byProgrammePerson.groupBy(col("programme_id")).agg(
                count(lit(1)).as("people"), count(col("beneficiary_ref")).as("refs"),
                sum(col("priority")).as("priority"),
                sum(when(col("partners").gt(1), lit(1L)).otherwise(lit(0L))).as("overlap"),
                sum(col("units")).as("units"));
        Dataset<Row> partner = byAgreementPerson
                .groupBy(col("partner_id"), col("programme_id"), col("beneficiary_ref"))
                .agg(max(col("priority")).as("priority"), sum(col("units")).as("units"))
                .groupBy(col("partner_id")).agg(count(lit(1)).as("people"), sum(col("priority")).as("priority"),
                        sum(col("units")).as("units"));
        Dataset<Row> overall = byProgrammePerson.agg(count(lit(1)).as("people"), sum(col("priority")).as("priority"),
                sum(col("units")).as("units"));
        StringBuilder pairs = new StringBuilder();
        for (String d : ReachBreakdown.DIMENSIONS) {
            if (pairs.length() > 0) pairs.append(", ");
            pairs.append("transform(_set_").append(d).append(", v -> named_struct('d', '")
                    .append(d.equals("region_code") ? "region" : d).append("', 'v', v))");
        }
        Dataset<Row> reach = byProgrammePerson
                .select(col("programme_id"), col("beneficiary_ref"), explode(expr("concat(" + pairs + ")")).as("_dv"))
                .groupBy(col("programme_id"), col("_dv.d").as("dimension"), col("_dv.v").as("value"))
                .agg(count(col("beneficiary_ref")).as("refs"));
        Dataset<Row> month = byAgreementPerson.select(col("partner_id"), explode(col("months")).as("month")).distinct();

        return tagged("agreement", agreement, col("agreement_id"), null, null, null, null, col("refs"),
                col("priority"), null, col("units"))
                .unionByName(tagged("programme", programme, col("programme_id"), null, null, null, col("people"),
                        col("refs"), col("priority"), col("overlap"), col("units")))
                .unionByName(tagged("partner", partner, col("partner_id"), null, null, null, col("people"), null,
                        col("priority"), null, col("units")))
                .unionByName(tagged("overall", overall, null, null, null, null, col("people"), null, col("priority"),
                        null, col("units")))
                .unionByName(tagged("reach", reach, col("programme_id"), col("dimension"), col("value"), null, null,
                        col("refs"), null, null, null))
                .unionByName(tagged("month", month, col("partner_id"), null, null, col("month"), null, null, null,
                        null, null));
    }

    private static Column valueOf(String dimension) {
        return coalesce(col(dimension).cast("string"), lit(NO_VALUE));
    }

    private static Dataset<Row> tagged(String tag, Dataset<Row> d, Column k1, Column k2, Column k3, Column month,
                                       Column people, Column refs, Column priority, Column overlap, Column units) {
        return d.select(lit(tag).as("tag"), text(k1).as("k1"), text(k2).as("k2"), text(k3).as("k3"),
                (month == null ? lit(null) : month).cast("date").as("month"),
                (people == null ? lit(null) : people).cast("long").as("people"),
                (refs == null ? lit(null) : refs).cast("long").as("refs"),
                (priority == null ? lit(null) : priority).cast("long").as("priority"),
                (overlap == null ? lit(null) : overlap).cast("long").as("overlap"),
                (units == null ? lit(null) : units).cast(ExactSum.EXACT).as("units"));
    }

    private static Column text(Column c) {
        return (c == null ? lit(null) : c).cast("string");
    }
}
