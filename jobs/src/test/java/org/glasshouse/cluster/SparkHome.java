package org.glasshouse.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Spark home laid out like a distribution from the build's own jars (STACK.md trap 12): {@code jars/} holds Spark,
 * its dependencies and Log4j's SLF4J binding, as resolved on their own by the spark-distribution module
 * (spark-distribution/target/spark-distribution.txt),
 * an empty {@code RELEASE}, and {@code conf/log4j2.properties}. A worker launches executors through Spark's
 * launcher, which needs exactly this layout. The application's own jars are NOT here: they must reach the
 * executors through spark-submit, as on a real cluster.
 */
final class SparkHome {

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
        List<Path> spark = entries(distributionList(target), ":");
        for (Path p : spark) {
            if (!Files.isRegularFile(p)) throw new IllegalStateException("Spark's jar " + p + " is missing");
            Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
        }
        return new SparkHome(home);
    }

    /** The spark-distribution module's list of a distribution's jars, beside the jobs module. */
    static Path distributionList(Path jobsTarget) {
        return jobsTarget.toAbsolutePath().getParent().getParent()
                .resolve("spark-distribution/target/spark-distribution.txt");
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
