package org.glasshouse.generate;

/**
 * One deliberately planted problem.
 *
 * @param dataset   services, transactions, results, outcome_measurements, submissions or agreements (aggregate flags)
 * @param file      path relative to the output directory
 * @param line      1-based physical line in the file (CSV header is line 1; JSON Lines have no header); 0 when the
 *                  problem is not about one line (aggregate or missing file)
 * @param recordId  record_id / transaction_id of the row, or the agreement / partner id for aggregate problems
 * @param field     the field that is wrong (or the metric for aggregate problems)
 * @param value     the planted value as written
 * @param problem   what is wrong, in words
 * @param rowInvalid true when the row breaks its row contract and must be quarantined (counts as planted-invalid);
 *                  false for integrity flags on otherwise valid rows, aggregates and submission metadata
 */
public record PlantedProblem(String dataset, String file, long line, String recordId, String field, String value,
                             String problem, boolean rowInvalid) {
}
