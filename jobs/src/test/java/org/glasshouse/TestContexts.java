package org.glasshouse;

import java.nio.file.Path;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** The command line's application context, for tests that run a command in-process on the shared Spark session. */
public final class TestContexts {

    private TestContexts() {}

    public static ConfigurableApplicationContext start(Path out, List<String> profiles, List<String> args) {
        return Glasshouse.start(out, profiles, args, false);
    }
}
