package org.glasshouse.validate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.contract.ContractCatalog;
import org.glasshouse.ingest.LandedFile;
import org.glasshouse.testing.SharedSpark;
import org.glasshouse.validate.read.InputLimits;
import org.glasshouse.validate.read.Pseudonymiser;
import org.glasshouse.validate.rules.SeverityPolicy;
import org.glasshouse.validate.rules.StandardChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference folder is the agency's: a reference file that cannot be read stops the run (partners would be
 * judged against missing agreements), naming the file and rule; the same file from a partner would only be a
 * finding.
 */
class ReferenceDataFaultTest {

    @TempDir
    Path tmp;

    @Test
    void anUnreadableReferenceFileFailsTheRunNamingIt() throws Exception {
        Path landing = tmp.resolve("landing");
        Path fixtures = Path.of(getClass().getResource("/fixtures/reference/partners.csv").toURI()).getParent();
        List<LandedFile> active = new ArrayList<>();
        for (String d : List.of("regions", "partners", "programmes", "indicators", "agreements")) {
            Path f = landing.resolve(d + ".csv");
            Files.createDirectories(landing);
            if (d.equals("agreements")) Files.write(f, new byte[] {'P', 'K', 3, 4, 0, 0, 0}); // a zip renamed .csv
            else Files.copy(fixtures.resolve(d + ".csv"), f);
            active.add(new LandedFile(String.format("%016d%048d", active.size(), 0), Files.size(f), LandedFile.REFERENCE, d,
                    "csv", d + ".csv", "reference/" + d + ".csv", landing.relativize(f).toString(),
                    "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "t1"));
        }
        SparkSession spark = SharedSpark.get();
        ContractCatalog contracts = ContractCatalog.embedded();
        DatasetValidator validator = new DatasetValidator(spark, StandardChecks.of(contracts, 0),
                SeverityPolicy.defaults(), new Pseudonymiser("k"));
        Path run = tmp.resolve("run");
        assertThatThrownBy(() -> new ValidationRun(spark, contracts, validator, "USD", 0, 2, InputLimits.defaults())
                .run(active, landing, d -> new DatasetValidator.Outputs(run.resolve("c").resolve(d),
                        run.resolve("q").resolve(d), run.resolve("f").resolve(d))))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageStartingWith("Reference data agreements is broken (the agency's data, so the run stops): "
                        + "reference/agreements.csv: FIL-001 ");
    }
}
