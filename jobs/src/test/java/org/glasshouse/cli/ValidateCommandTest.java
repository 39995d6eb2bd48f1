package org.glasshouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glasshouse.Glasshouse;
import org.glasshouse.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glasshouse validate FILE ...}: prints the feedback, stores nothing; exit 0 clean, 1 errors, 2 bad usage. */
class ValidateCommandTest {

    static Path fixtures;

    @BeforeAll
    static void setUp() throws Exception {
        SharedSpark.get();
        fixtures = Path.of(ValidateCommandTest.class.getResource("/fixtures/catalogue.csv").toURI()).getParent();
    }

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = Glasshouse.run(args);
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void aFileWithErrorsPrintsItsFeedbackAndExitsOne() {
        Result r = run("validate", fixtures.resolve("services-f10-quoted.csv").toString(), "--dataset", "services",
                "--partner", "P01", "--reference", fixtures.resolve("reference").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("services-f10-quoted.csv (services, partner P01): 3 rows read, 2 accepted, "
                + "1 quarantined");
        assertThat(r.out()).contains("  error    SRV-012  1");
        assertThat(r.out()).contains("unique_id,field_name,rule_message,value_provided,expected_value,row_number,"
                + "rule_id,severity,file,dataset,how_to_fix");
        assertThat(r.out()).contains("S-10-3,age_band,\"age_band 'adult' is not one of: 0-17, 18-24, 25-44, 45-64, "
                + "65+, unknown.\",adult,");
    }

    @Test
    void warningsAloneExitZero() {
        Result r = run("validate", fixtures.resolve("services-f05-semicolon.csv").toString(), "--dataset", "services",
                "--partner", "P01", "--reference", fixtures.resolve("reference").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("2 rows read, 2 accepted, 0 quarantined").contains("  warning  FIL-006  1");
    }

    @Test
    void badUsageExitsTwoBeforeStartingAnything(@TempDir Path tmp) {
        assertThat(run("validate", "--dataset", "services", "--partner", "P01").code()).isEqualTo(2);
        assertThat(run("validate", tmp.resolve("nope.csv").toString(), "--dataset", "services", "--partner", "P01")
                .code()).isEqualTo(2);
        Result noDataset = run("validate", fixtures.resolve("services-f05-semicolon.csv").toString(), "--partner", "P01");
        assertThat(noDataset.code()).isEqualTo(2);
        assertThat(noDataset.err()).contains("--dataset must be one of");
        assertThat(run("validate", fixtures.resolve("services-f05-semicolon.csv").toString(), "--dataset", "services",
                "--partner", "../P01").code()).isEqualTo(2);
        assertThat(tmp.toFile().list()).isEmpty();
    }

    @Test
    void nightlyRefusesToRunWithoutTheHmacSecretOutsideTheSampleProfile(@TempDir Path tmp) throws Exception {
        Path input = Files.createDirectories(tmp.resolve("input/reference"));
        Result r = run("nightly", "--input", input.getParent().toString(), "--out", tmp.resolve("out").toString(),
                "--glasshouse.pseudonymisation.secret=");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("GLASSHOUSE_HMAC_SECRET is not set");
    }
}
