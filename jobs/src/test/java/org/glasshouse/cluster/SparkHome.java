package org.glasshouse.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark home laid out like a distribution from the build's own jars (STACK.md trap 12): {@code jars/} holds Spark
 * and its dependencies (target/spark-classpath.txt, the provided scope, plus the few of Spark's dependencies Maven
 * resolved for the application too, plus Log4j's SLF4J binding, which a distribution has and the build excludes),
 * an empty {@code RELEASE}, and {@code conf/log4j2.properties}. A worker launches executors through Spark's
 * launcher, which needs exactly this layout. The application's own jars are NOT here: they must reach the
 * executors through spark-submit, as on a real cluster.
 */
final class SparkHome {

    /**
     * Spark's own dependencies that the application also uses, so Maven resolved them in compile/runtime scope (they
     * are in classpath.txt, not spark-classpath.txt). A distribution ships them in jars/; if a new one appears the
     * master or worker fails to start with NoClassDefFoundError, and this list needs the artifact.
     */
    static final Set<String> SHARED_WITH_SPARK = Set.of("checker-qual", "commons-codec", "commons-collections4",
            "commons-compress", "commons-io", "commons-math3", "jackson-annotations", "jackson-core",
            "jackson-databind", "jakarta.annotation-api", "javassist", "jul-to-slf4j", "log4j-api", "slf4j-api",
            "univocity-parsers");

    /** Spark's deploy daemons log their address at INFO; everything else is quiet, as the application's logging. */
    static final String LOG4J2 = """
            rootLogger.level = warn
            rootLogger.appenderRef.stdout.ref = console
            appender.console.type = Console
            appender.console.name = console
            appender.console.target = SYSTEM_ERR
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = %d{HH:mm:ss} %-5p %c{1} - %m%n
            logger.glasshouse.name = org.glasshouse
            logger.glasshouse.level = info
            logger.master.name = org.apache.spark.deploy.master.Master
            logger.master.level = info
            logger.worker.name = org.apache.spark.deploy.worker.Worker
            logger.worker.level = info
            logger.native.name = org.apache.hadoop.util.NativeCodeLoader
            logger.native.level = error
            logger.datasource.name = org.apache.spark.sql.execution.datasources.DataSource
            logger.datasource.level = error
            logger.pdfbox.name = org.apache.pdfbox
            logger.pdfbox.level = error
            logger.openhtmltopdf.name = com.openhtmltopdf
            logger.openhtmltopdf.level = error
            """;

    private static final Pattern VERSIONED_JAR = Pattern.compile("(.+)-\\d[^/]*\\.jar");

    final Path home;

    private SparkHome(Path home) {
        this.home = home;
    }

    /** Lays out a Spark home in {@code home} from the build's lists in {@code target}. */
    static SparkHome layout(Path home, Path target) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("RELEASE"), "");
        Files.writeString(home.resolve("conf/log4j2.properties"), LOG4J2);
        List<Path> spark = new ArrayList<>(entries(target.resolve("spark-classpath.txt"), ":"));
        for (Path p : entries(target.resolve("classpath.txt"), ":")) {
            var m = VERSIONED_JAR.matcher(p.getFileName().toString());
            if (m.matches() && SHARED_WITH_SPARK.contains(m.group(1))) spark.add(p);
        }
        try (Stream<Path> extra = Files.list(target.resolve("spark-distribution-extra"))) {
            extra.forEach(spark::add);
        }
        for (Path p : spark) {
            if (!Files.isRegularFile(p)) throw new IllegalStateException("Spark's jar " + p + " is missing");
            Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
        }
        return new SparkHome(home);
    }

    /** A list written by maven-dependency-plugin's build-classpath goal (process-classes phase, see jobs/pom.xml). */
    static List<Path> entries(Path list, String separator) {
        if (!Files.isRegularFile(list)) {
            throw new IllegalStateException(list + " is missing: it is written by the build (mvn test or package)");
        }
        try {
            String text = Files.readString(list).strip();
            return Arrays.stream(text.split(Pattern.quote(separator))).filter(s -> !s.isBlank()).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The classpath a distribution's scripts give Spark's own JVMs: conf/ and jars/*. */
    String classpath() {
        return home.resolve("conf") + ":" + home.resolve("jars") + "/*";
    }
}
