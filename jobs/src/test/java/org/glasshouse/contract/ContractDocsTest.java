package org.glasshouse.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed docs/data-contracts.md and docs/templates/*.csv must be exactly what the contracts generate. Run
 * with -Dglasshouse.docs.update=true to rewrite them after changing a contract.
 */
class ContractDocsTest {

    private static final Path DOCS = Path.of("..", "docs");

    @Test
    void committedDocsMatchTheContracts() throws IOException {
        Map<String, String> files = ContractDocs.files(ContractCatalog.load(Path.of("..", "config", "contracts")));
        if (Boolean.getBoolean("glasshouse.docs.update")) {
            for (var e : files.entrySet()) {
                Files.createDirectories(DOCS.resolve(e.getKey()).getParent());
                Files.writeString(DOCS.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
        }
        for (var e : files.entrySet()) {
            Path p = DOCS.resolve(e.getKey());
            assertThat(p).as(p + " is missing; regenerate with -Dglasshouse.docs.update=true").exists();
            assertThat(Files.readString(p)).as(p + " is out of date; regenerate with -Dglasshouse.docs.update=true")
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void templatesAreTheHeaderRows() {
        Map<String, String> files = ContractDocs.files(ContractCatalog.embedded());
        assertThat(files.get("templates/services.csv")).isEqualTo("record_id,agreement_id,service_date,beneficiary_ref,"
                + "service_type,units,region_code,age_band,sex,priority_group\n");
        assertThat(files).hasSize(1 + ContractCatalog.DATASETS.size());
    }

    @Test
    void personalDataAndFreeTextAreMarkedPrivateInTheContracts() {
        var privateFields = ContractCatalog.embedded().all().stream().flatMap(c -> c.fields().stream()
                .filter(f -> !f.publishable()).map(f -> c.dataset() + "." + f.name())).toList();
        assertThat(privateFields).containsExactlyInAnyOrder("transactions.description", "services.beneficiary_ref",
                "outcome_measurements.beneficiary_ref");
    }

    @Test
    void theCatalogueListsEveryRuleOnceWithItsDocumentation() {
        var rules = ContractDocs.catalogue(ContractCatalog.embedded());
        assertThat(rules.stream().map(r -> r.id()).distinct().count()).isEqualTo(rules.size());
        assertThat(rules).allSatisfy(r -> {
            assertThat(r.hint()).isNotBlank();
            assertThat(r.expected()).isNotBlank();
            assertThat(r.title()).isNotBlank();
        });
        assertThat(rules.stream().map(r -> r.id()).toList()).contains("FIL-001", "FIL-008", "ROW-001", "SRV-017",
                "XAG-001", "XTR-001", "AGR-020", "AGR-022");
    }
}
