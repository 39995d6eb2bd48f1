package org.glasshouse.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.glasshouse.metrics.flags.FlagRule;
import org.glasshouse.report.PublicTables;
import org.junit.jupiter.api.Test;

/** docs/methodology.md is generated from MetricDefinitions; the committed copy must match it. */
class MethodologyDocumentTest {

    @Test
    void committedDocumentMatchesTheCatalogue() throws IOException {
        Path doc = Path.of("..").resolve(MethodologyDocument.COMMITTED);
        String expected = MethodologyDocument.render(Thresholds.DEFAULTS);
        assertTrue(Files.exists(doc), "docs/methodology.md is missing");
        assertEquals(expected, Files.readString(doc, StandardCharsets.UTF_8),
                "docs/methodology.md is out of date: regenerate it with MethodologyDocument.main "
                        + "(e.g. java -cp jobs/target/classes:$(cat jobs/target/classpath.txt) "
                        + "org.glasshouse.metrics.MethodologyDocument)");
    }

    @Test
    void everyFlagRuleIsDocumented() {
        Set<String> documented = MetricDefinitions.flags(Thresholds.DEFAULTS).stream().map(f -> f.rule().id())
                .collect(Collectors.toSet());
        assertEquals(FlagRule.ALL.stream().map(FlagRule::id).collect(Collectors.toSet()), documented);
    }

    @Test
    void everyPublicTableIsNamedInTheMethodology() {
        String doc = MethodologyDocument.render(Thresholds.DEFAULTS);
        PublicTables.all().forEach(t -> assertTrue(doc.contains(t.name()), t.name() + " is not described"));
    }

    @Test
    void thresholdsInConfigReachTheText() {
        Thresholds stricter = new Thresholds(3, 0, 0.99, 5, 0, 0, 0.2, 200, 0.012, 3, 5, 0.05, 0.2);
        String doc = MethodologyDocument.render(stricter);
        assertTrue(doc.contains("spent > disbursed × 1.2"));
        assertTrue(doc.contains("more than 3 day(s) after the due date"));
        assertTrue(doc.contains("on_track if attainment ≥ elapsed − 0.05"));
    }
}
