package org.glasshouse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * What the nightlies with their stores on HDFS and S3 check alike: a run's files on a Hadoop store against a local
 * run's, its step counters, its published tables.
 */
final class StoredRun {

    /** A landed copy: {@code <partner>/<sha256>/<name>}. */
    private static final String LANDED = "[^/]+/[0-9a-f]{64}/[^/]+";

    private StoredRun() {}

    /** The files under a folder of a Hadoop store (HDFS listing, S3 LIST), relative to it. */
    static TreeSet<String> storeFiles(FileSystem fs, String folder) throws IOException {
        TreeSet<String> files = new TreeSet<>();
        org.apache.hadoop.fs.Path d = fs.makeQualified(new org.apache.hadoop.fs.Path(folder));
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(d, true);
        while (it.hasNext()) {
            files.add(it.next().getPath().toUri().getPath().substring(d.toUri().getPath().length() + 1));
        }
        return files;
    }

    /** Files under a local folder, without Hadoop's .crc side files. */
    static TreeSet<String> localFiles(Path folder) throws IOException {
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String name = folder.relativize(p).toString().replace('\\', '/');
                if (!name.endsWith(".crc")) files.add(name);
            }
        }
        return files;
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Spark names its part files with the write job's random id: part-00000-<uuid>-c000 becomes part-00000-ID-c000. */
    static TreeSet<String> withoutJobIds(TreeSet<String> files) {
        TreeSet<String> out = new TreeSet<>();
        for (String f : files) out.add(f.replaceAll("part-(\\d+)-[0-9a-f-]{36}-c(\\d+)", "part-$1-ID-c$2"));
        return out;
    }

    /** Per step: "read=R written=W skipped=S" from a COMPLETED run's summary.json. */
    static Map<String, String> counters(Path out, int run) throws IOException {
        JsonNode summary = new ObjectMapper().readTree(out.resolve("private/runs/" + run + "/summary.json").toFile());
        assertThat(summary.path("status").asText()).isEqualTo("COMPLETED");
        Map<String, String> steps = new LinkedHashMap<>();
        for (JsonNode s : summary.path("steps")) {
            steps.put(s.path("step").asText(), "read=" + s.path("read").asLong() + " written="
                    + s.path("written").asLong() + " skipped=" + s.path("skipped").asLong());
        }
        return steps;
    }

    /** The same public tables: Parquet pages byte for byte (footers once their encoding lists are sorted), the rest byte for byte. */
    static void assertSameTables(Path actual, Path expected, List<String> names) throws IOException {
        for (String n : names) {
            if (n.endsWith(".parquet")) {
                assertThat(ParquetBytes.canonical(actual.resolve(n))).as(n)
                        .isEqualTo(ParquetBytes.canonical(expected.resolve(n)));
            } else {
                assertThat(Files.mismatch(actual.resolve(n), expected.resolve(n))).as("first differing byte of %s", n)
                        .isEqualTo(-1L);
            }
        }
    }

    /**
     * The landing zone on the store holds the local run's 160 landed copies and one manifest object per file, no
     * temporary names, and nothing of it is under the store run's --out.
     */
    static void assertLandingZoneOnStore(FileSystem fs, String landing, Path storeOut, Path localOut)
            throws IOException {
        TreeSet<String> stored = storeFiles(fs, landing);
        TreeSet<String> landed = new TreeSet<>(stored);
        TreeSet<String> local = localFiles(localOut.resolve("private/landing"));
        landed.removeIf(f -> !f.matches(LANDED));
        local.removeIf(f -> !f.matches(LANDED));
        assertThat(local).hasSize(160);
        assertThat(landed).isEqualTo(local);
        assertThat(stored.stream().filter(f -> f.startsWith("manifest/")).count()).isEqualTo(160);
        assertThat(stored).noneMatch(f -> f.startsWith("_incoming/") || f.endsWith(".tmp"));
        assertThat(storeOut.resolve("private/landing")).doesNotExist();
    }

    /**
     * Run 1's curated, quarantine and findings Parquet on the store are the local run's files (the same units, the
     * same names), the ten datasets each have their per-file units there, and none of it is under --out.
     */
    static void assertCuratedDataOnStore(FileSystem fs, String curatedRoot, Path storeOut, Path localOut)
            throws IOException {
        for (String kind : List.of("curated", "quarantine", "findings")) {
            TreeSet<String> stored = withoutJobIds(storeFiles(fs, curatedRoot + "/runs/1/" + kind));
            TreeSet<String> local = withoutJobIds(localFiles(localOut.resolve("private/runs/1/" + kind)));
            stored.removeIf(f -> !f.endsWith(".parquet"));
            local.removeIf(f -> !f.endsWith(".parquet"));
            assertThat(local).as(kind).isNotEmpty();
            assertThat(stored).as(kind).isEqualTo(local);
            assertThat(storeOut.resolve("private/runs/1/" + kind)).doesNotExist();
        }
        TreeSet<String> datasets = new TreeSet<>();
        for (String f : storeFiles(fs, curatedRoot + "/runs/1/curated")) datasets.add(f.substring(0, f.indexOf('/')));
        assertThat(datasets).hasSize(10).contains("services", "transactions", "agreements");
        TreeSet<String> units = new TreeSet<>();
        for (String f : storeFiles(fs, curatedRoot + "/validated")) units.add(f.substring(0, f.indexOf('/')));
        assertThat(units).containsAll(datasets);
        assertThat(storeOut.resolve("private/validated")).doesNotExist();
    }

    /**
     * The metric history on the store holds, for run 1, the local run's files: one Parquet part per metric table,
     * all under this as-of date and run 1; nothing of it is under the store run's --out.
     */
    static void assertMetricHistoryOnStore(FileSystem fs, String history, String asOf, Path storeOut, Path localOut)
            throws IOException {
        TreeSet<String> stored = withoutJobIds(storeFiles(fs, history));
        stored.removeIf(f -> f.contains("/run_id=2/"));
        TreeSet<String> local = withoutJobIds(localFiles(localOut.resolve("private/metrics")));
        assertThat(stored).isEqualTo(local);
        int tables = org.glasshouse.metrics.MetricCatalog.all().size();
        assertThat(stored.stream().map(f -> f.substring(0, f.indexOf('/'))).distinct().count()).isEqualTo(tables);
        assertThat(stored).allMatch(f -> f.contains("/as_of=" + asOf + "/run_id=1/"));
        assertThat(stored.stream().filter(f -> f.endsWith(".parquet")).count()).isEqualTo(tables);
        assertThat(storeOut.resolve("private/metrics")).doesNotExist();
    }

    /**
     * Run 2, with nothing new, reused run 1: it landed nothing, read the same rows, and its metric partitions on the
     * store are run 1's files under run 2's name.
     */
    static void assertRerunReusedTheStore(FileSystem fs, String history, Path storeOut) throws IOException {
        TreeSet<String> first = new TreeSet<>();
        TreeSet<String> second = new TreeSet<>();
        for (String f : withoutJobIds(storeFiles(fs, history))) {
            if (f.contains("/run_id=1/")) first.add(f.replace("/run_id=1/", "/run_id=N/"));
            if (f.contains("/run_id=2/")) second.add(f.replace("/run_id=2/", "/run_id=N/"));
        }
        assertThat(second).isEqualTo(first).hasSizeGreaterThanOrEqualTo(org.glasshouse.metrics.MetricCatalog.all().size());
        assertThat(counters(storeOut, 2)).containsEntry("ingest", "read=160 written=0 skipped=0")
                .containsEntry("validate", "read=23490 written=23457 skipped=33");
    }
}
