package org.glasshouse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example alert rules in deploy/prometheus: valid, behaving as documented, and about metrics that exist. */
class AlertRulesTest {

    static final Path DIR = Path.of("..", "deploy", "prometheus").toAbsolutePath().normalize();
    static final Path RULES = DIR.resolve("glasshouse-alerts.yml");

    @TempDir
    Path out;

    @Test
    void everyMetricTheRulesUseIsExported() throws Exception {
        OpsMetrics m = new OpsMetrics(out, Duration.ofHours(26), Clock.systemUTC());
        m.update(OpsMetricsTest.run7());
        m.watchSchedule(Instant::now, () -> false);
        Set<String> exported = new TreeSet<>();
        for (String line : m.scrape().split("\n")) {
            if (line.startsWith("# TYPE ")) exported.add(line.split(" ")[2]);
        }
        Set<String> used = new TreeSet<>();
        Matcher names = Pattern.compile("\\bglasshouse_[a-z_]+").matcher(Files.readString(RULES));
        while (names.find()) used.add(names.group());
        assertThat(used).contains("glasshouse_last_success_timestamp_seconds", "glasshouse_rows_quarantined",
                "glasshouse_partner_last_file_timestamp_seconds");
        assertThat(exported).containsAll(used);
    }

    @Test
    void promtoolChecksTheRulesAndTheirUnitTestsPass() throws Exception {
        Promtool.require();
        assertThat(Promtool.run(DIR, null, "check", "rules", RULES.getFileName().toString()))
                .contains("SUCCESS: 5 rules found");
        assertThat(Promtool.run(DIR, null, "test", "rules", "glasshouse-alerts.test.yml",
                "glasshouse-alerts-weeks.test.yml")).doesNotContain("FAILED");
    }
}
