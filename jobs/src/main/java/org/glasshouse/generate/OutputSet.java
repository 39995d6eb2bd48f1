package org.glasshouse.generate;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The files of one generated set as they are written: data rows per file, the planted problems found on the way and
 * the receipt-log lines each partner's files get. The generator owns {@code OUT/reference/}, {@code OUT/inbox/},
 * {@code OUT/README.md} and {@code OUT/planted-problems.csv}: {@link #clear()} removes them; nothing else in OUT is
 * touched.
 */
final class OutputSet {
    final Path out;
    final TreeMap<String, Long> rowsPerFile = new TreeMap<>();
    final List<PlantedProblem> problems = new ArrayList<>();
    final TreeMap<String, List<String[]>> submissions = new TreeMap<>();

    OutputSet(Path out) {
        this.out = out;
    }

    void clear() throws IOException {
        Files.createDirectories(out);
        deleteTree(out.resolve("reference"));
        deleteTree(out.resolve("inbox"));
        Files.deleteIfExists(out.resolve("README.md"));
        Files.deleteIfExists(out.resolve("planted-problems.csv"));
    }

    CsvWriter open(String rel) throws IOException {
        return new CsvWriter(out.resolve(rel));
    }

    /** Records the data rows of a finished file (JSON Lines have no header line). */
    void done(String rel, CsvWriter w) {
        boolean headerless = rel.endsWith(".jsonl");
        rowsPerFile.put(rel, w.lines() - (headerless ? 0 : 1));
    }

    void problem(PlantedProblem p) {
        problems.add(p);
    }

    /** A line of the partner's receipt log (_submissions.csv). */
    void submission(String partnerId, String file, String at) {
        submissions.computeIfAbsent(partnerId, k -> new ArrayList<>()).add(new String[]{file, at});
    }

    static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("generator invariant broken: " + what);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
