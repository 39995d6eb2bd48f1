package org.glasshouse.generate;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What {@link SampleDataGenerator#generate} wrote: data rows per dataset (header lines excluded), the number of
 * planted-invalid rows, every planted problem and the data-row count of every file (relative path, sorted).
 */
public record GenerationSummary(
        int requestedServices,
        long seed,
        long partners,
        long programmes,
        long agreements,
        long indicators,
        long regions,
        long fxRates,
        long services,
        long serviceFiles,
        long transactions,
        long results,
        long outcomeMeasurements,
        long submissions,
        long distinctBeneficiaries,
        long outcomeParticipants,
        long outcomeComparison,
        long plantedInvalidServices,
        long plantedInvalidTransactions,
        List<PlantedProblem> plantedProblems,
        SortedMap<String, Long> rowsPerFile) {

    public GenerationSummary {
        plantedProblems = List.copyOf(plantedProblems);
        rowsPerFile = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(rowsPerFile));
    }

    /** Data rows per dataset name, in a fixed order. */
    public Map<String, Long> rowsPerDataset() {
        java.util.LinkedHashMap<String, Long> m = new java.util.LinkedHashMap<>();
        m.put("partners", partners);
        m.put("programmes", programmes);
        m.put("agreements", agreements);
        m.put("indicators", indicators);
        m.put("regions", regions);
        m.put("fx_rates", fxRates);
        m.put("services", services);
        m.put("transactions", transactions);
        m.put("results", results);
        m.put("outcome_measurements", outcomeMeasurements);
        m.put("_submissions", submissions);
        return m;
    }

    /** Human-readable multi-line summary (what {@code main} prints). */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("Glasshouse sample data: services=").append(requestedServices).append(" seed=").append(seed).append('\n');
        rowsPerDataset().forEach((k, v) -> sb.append(String.format(java.util.Locale.ROOT, "  %-22s %10d rows%n", k, v)));
        sb.append(String.format(java.util.Locale.ROOT, "  %-22s %10d files%n", "services files", serviceFiles));
        sb.append(String.format(java.util.Locale.ROOT, "  %-22s %10d%n", "distinct beneficiaries", distinctBeneficiaries));
        sb.append(String.format(java.util.Locale.ROOT, "  %-22s %10d participants, %d comparison%n", "outcome people",
                outcomeParticipants, outcomeComparison));
        sb.append(String.format(java.util.Locale.ROOT, "  planted-invalid rows: services %d, transactions %d; planted problems in total: %d%n",
                plantedInvalidServices, plantedInvalidTransactions, plantedProblems.size()));
        return sb.toString();
    }
}
