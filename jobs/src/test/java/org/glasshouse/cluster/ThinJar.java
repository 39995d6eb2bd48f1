package org.glasshouse.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Jars a compiled classes folder. Under {@code mvn test} the jar plugin has not run yet (it belongs to the package
 * phase), and in a reactor build the reports module is a classes folder too; Spark ships only jars to executors,
 * so the test jars them the way {@code mvn package} would (same classes and resources, no Boot repackaging).
 */
final class ThinJar {

    private ThinJar() {}

    static Path of(Path classes, Path jar) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf);
             Stream<Path> files = Files.walk(classes)) {
            // Folder entries too, as the jar plugin writes them: Spring's classpath scanning (the
            // @ConfigurationPropertiesScan of the application) finds nothing in a jar without them.
            for (Path p : files.filter(p -> !p.equals(classes)).sorted().toList()) {
                String name = classes.relativize(p).toString().replace('\\', '/');
                boolean folder = Files.isDirectory(p);
                j.putNextEntry(new JarEntry(folder ? name + "/" : name));
                if (!folder) Files.copy(p, j);
                j.closeEntry();
            }
        }
        return jar;
    }

    /** The entry as a jar: itself when it is one, else the folder jarred into {@code dir}. */
    static Path asJar(Path entry, Path dir) throws IOException {
        if (Files.isRegularFile(entry)) return entry;
        List<String> parts = List.of(entry.toAbsolutePath().normalize().toString().split("/"));
        String name = String.join("-", parts.subList(Math.max(0, parts.size() - 3), parts.size())) + ".jar";
        return of(entry, dir.resolve(name));
    }
}
