package org.glasshouse.cluster;

import java.lang.management.ManagementFactory;
import java.util.List;

/** The Java 17 module opens Spark needs (STACK.md trap 4), as this test JVM got them from surefire's argLine. */
final class JavaOpens {

    private JavaOpens() {}

    static List<String> options() {
        List<String> opts = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens=") || a.startsWith("-Djdk.reflect.useDirectMethodHandle")
                        || a.startsWith("-Dio.netty.tryReflectionSetAccessible"))
                .toList();
        if (opts.stream().noneMatch(a -> a.startsWith("--add-opens=java.base/sun.nio.ch"))) {
            throw new IllegalStateException("the test JVM was started without Spark's --add-opens list (argLine)");
        }
        return opts;
    }
}
