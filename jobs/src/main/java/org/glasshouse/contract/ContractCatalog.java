package org.glasshouse.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * All data contracts, loaded from one YAML file per dataset. The files are the single source of the read schemas,
 * the row rules and the published contract documentation.
 */
public final class ContractCatalog {

    /** Datasets in dependency order: reference data first, so cross-dataset checks can use it. */
    public static final List<String> DATASETS = List.of(
            "partners", "programmes", "agreements", "indicators", "regions", "fx_rates",
            "transactions", "services", "results", "outcome_measurements");

    private final Map<String, Contract> contracts;

    private ContractCatalog(Map<String, Contract> contracts) {
        this.contracts = contracts;
    }

    /** Loads from a directory if given and present, else from the embedded classpath:/config/contracts/. */
    public static ContractCatalog load(Path dir) {
        Map<String, Contract> byName = new LinkedHashMap<>();
        for (String dataset : DATASETS) {
            try (InputStream in = open(dir, dataset)) {
                byName.put(dataset, parse(in, dataset));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the contract of dataset " + dataset, e);
            }
        }
        return new ContractCatalog(byName);
    }

    public static ContractCatalog embedded() {
        return load(null);
    }

    private static InputStream open(Path dir, String dataset) throws IOException {
        if (dir != null && Files.isRegularFile(dir.resolve(dataset + ".yml"))) {
            return Files.newInputStream(dir.resolve(dataset + ".yml"));
        }
        InputStream in = ContractCatalog.class.getResourceAsStream("/config/contracts/" + dataset + ".yml");
        if (in == null) throw new IOException("contract file " + dataset + ".yml not found");
        return in;
    }

    static Contract parse(InputStream in, String expectedDataset) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        String dataset = root.path("dataset").asText();
        if (!dataset.equals(expectedDataset)) {
            throw new IOException("contract file for " + expectedDataset + " declares dataset '" + dataset + "'");
        }
        List<FieldSpec> fields = new ArrayList<>();
        for (JsonNode f : root.path("fields")) {
            fields.add(field(f));
        }
        List<String> key = new ArrayList<>();
        JsonNode k = root.path("key");
        if (k.isArray()) k.forEach(n -> key.add(n.asText()));
        else if (k.isTextual()) key.add(k.asText());
        List<Contract.DateOrder> dateOrders = new ArrayList<>();
        for (JsonNode d : root.path("date_order")) {
            dateOrders.add(new Contract.DateOrder(d.path("id").asText(), d.path("start").asText(), d.path("end").asText()));
        }
        return new Contract(dataset,
                Contract.Kind.valueOf(root.path("kind").asText("submitted").toUpperCase(java.util.Locale.ROOT)),
                root.path("description").asText(""), List.copyOf(key),
                root.hasNonNull("key_rule") ? root.path("key_rule").asText() : null, List.copyOf(fields),
                List.copyOf(dateOrders));
    }

    private static FieldSpec field(JsonNode f) {
        JsonNode checks = f.path("checks");
        FieldSpec.CodeListCheck codes = null;
        if (checks.has("codes")) {
            List<String> values = new ArrayList<>();
            checks.path("codes").path("values").forEach(v -> values.add(v.asText()));
            codes = new FieldSpec.CodeListCheck(checks.path("codes").path("id").asText(), List.copyOf(values));
        }
        FieldSpec.RangeCheck range = null;
        if (checks.has("range")) {
            JsonNode r = checks.path("range");
            range = new FieldSpec.RangeCheck(r.path("id").asText(),
                    r.has("min") ? r.path("min").asDouble() : null,
                    r.has("max") ? r.path("max").asDouble() : null,
                    r.path("exclusive_min").asBoolean(false));
        }
        FieldSpec.PatternCheck pattern = null;
        if (checks.has("pattern")) {
            pattern = new FieldSpec.PatternCheck(checks.path("pattern").path("id").asText(),
                    checks.path("pattern").path("regex").asText());
        }
        FieldSpec.ReferenceCheck references = null;
        if (checks.has("references")) {
            JsonNode r = checks.path("references");
            references = new FieldSpec.ReferenceCheck(r.path("id").asText(), r.path("dataset").asText(),
                    r.path("field").asText(f.path("name").asText()));
        }
        return new FieldSpec(f.path("name").asText(), FieldType.parse(f.path("type").asText("string")),
                f.path("description").asText(""), f.path("personal").asBoolean(false),
                f.path("free_text").asBoolean(false),
                checks.has("required") ? checks.path("required").asText() : null,
                checks.has("type") ? checks.path("type").asText() : null,
                codes, range, pattern, references);
    }

    public Contract get(String dataset) {
        Contract c = contracts.get(dataset);
        if (c == null) throw new NoSuchElementException("no contract for dataset '" + dataset + "'");
        return c;
    }

    public boolean has(String dataset) {
        return contracts.containsKey(dataset);
    }

    public Collection<Contract> all() {
        return contracts.values();
    }
}
