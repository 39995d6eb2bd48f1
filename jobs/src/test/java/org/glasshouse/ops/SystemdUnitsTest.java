package org.glasshouse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The systemd units in deploy/systemd parse (systemd-analyze verify), with /opt/glasshouse pointed at this checkout. */
class SystemdUnitsTest {

    static final Path UNITS = Path.of("..", "deploy", "systemd").toAbsolutePath().normalize();
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void unitsParseWithoutWarnings() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        if (!Files.isExecutable(analyze)) {
            System.err.println("\n*** SKIPPED SystemdUnitsTest: systemd-analyze is not installed ***\n");
            Assumptions.abort("systemd-analyze is not installed");
        }
        List<String> cmd = new ArrayList<>(List.of(analyze.toString(), "verify", "--man=no"));
        for (String unit : List.of("glasshouse-schedule.service", "glasshouse-nightly.service",
                "glasshouse-nightly.timer")) {
            String text = Files.readString(UNITS.resolve(unit)).replace("/opt/glasshouse", ROOT.toString())
                    .replace("EnvironmentFile=/", "EnvironmentFile=-/"); // the env file exists only when installed
            Files.writeString(dir.resolve(unit), text);
            cmd.add(dir.resolve(unit).toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as("systemd-analyze verify").isBlank();
        assertThat(p.exitValue()).isZero();
    }
}
