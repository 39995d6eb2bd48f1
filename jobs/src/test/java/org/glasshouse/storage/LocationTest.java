package org.glasshouse.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.glasshouse.parquet.LocalParquet;
import org.glasshouse.testing.MiniHdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Location} on the local file system and on a real HDFS (MiniDFSCluster shared by the test JVM). */
class LocationTest {

    @TempDir
    Path tmp;

    @Test
    void aPlainPathIsLocalAndAbsoluteAndAUriKeepsItsScheme() {
        Location plain = Location.of("out/private");
        assertThat(plain.uri()).isEqualTo("file:" + Path.of("out/private").toAbsolutePath().normalize());
        assertThat(plain.local()).contains(Path.of("out/private").toAbsolutePath().normalize());
        assertThat(Location.of("/data/../data/out").uri()).isEqualTo("file:/data/out");
        assertThat(Location.of("file:/data/out").local()).contains(Path.of("/data/out"));
        assertThat(Location.of("hdfs://nn:8020/g/out").uri()).isEqualTo("hdfs://nn:8020/g/out");
        assertThat(Location.of("s3a://bucket/g").resolve("metrics/t", "as_of=2026-09-30").uri())
                .isEqualTo("s3a://bucket/g/metrics/t/as_of=2026-09-30");
        assertThat(Location.of("hdfs://nn:8020/g/out").resolve("a").name()).isEqualTo("a");
        assertThat(Location.isUri("C:\\data")).isFalse();
        assertThat(Location.isUri("s3a://b/x")).isTrue();
        assertThat(Location.isUri("/x:y")).isFalse();
    }

    @Test
    void localFilesAreListedWrittenAtomicallyAndLeaveNoChecksumFiles() throws Exception {
        Location dir = Location.of(tmp.resolve("store"));
        assertThat(dir.list()).isEmpty();
        dir.resolve("b.json").writeAtomically("{\"v\":1}".getBytes(StandardCharsets.UTF_8));
        dir.resolve("a.json").writeAtomically("{}".getBytes(StandardCharsets.UTF_8));
        dir.resolve("b.json").writeAtomically("{\"v\":2}".getBytes(StandardCharsets.UTF_8));
        assertThat(dir.list()).extracting(Location::name).containsExactly("a.json", "b.json");
        assertThat(Files.readString(tmp.resolve("store/b.json"))).isEqualTo("{\"v\":2}");
        try (Stream<Path> s = Files.list(tmp.resolve("store"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.json", "b.json");
        }
        assertThat(dir.isDirectory()).isTrue();
        assertThat(dir.resolve("a.json").isFile()).isTrue();
        assertThat(dir.resolve("missing").exists()).isFalse();
    }

    @Test
    void hdfsFilesAreListedWrittenAtomicallyAndCopiedBothWays() throws Exception {
        Location dir = Location.of(MiniHdfs.uri() + "/location-test");
        assertThat(dir.local()).isEmpty();
        assertThat(dir.fs().getScheme()).isEqualTo("hdfs");
        dir.resolve("x/b.json").writeAtomically("one".getBytes(StandardCharsets.UTF_8));
        dir.resolve("x/b.json").writeAtomically("two".getBytes(StandardCharsets.UTF_8));
        dir.resolve("x/a.json").writeAtomically("a".getBytes(StandardCharsets.UTF_8));
        // The replacing rename left no temporary sibling behind.
        assertThat(dir.resolve("x").list()).extracting(Location::name).containsExactly("a.json", "b.json");
        assertThat(new String(dir.resolve("x/b.json").readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("two");
        try (OutputStream out = dir.resolve("x/c").create(false)) {
            out.write(1);
        }
        assertThatThrownBy(() -> dir.resolve("x/c").create(false)).isInstanceOf(java.io.IOException.class);

        Path local = tmp.resolve("tree");
        Files.createDirectories(local.resolve("inbox/P01"));
        Files.writeString(local.resolve("inbox/P01/services.csv"), "a,b\n1,2\n");
        Files.writeString(local.resolve("top.txt"), "t");
        dir.resolve("copied").copyFromLocal(local);
        assertThat(dir.resolve("copied/inbox/P01/services.csv").isFile()).isTrue();
        dir.resolve("copied").copyToLocal(tmp.resolve("back"));
        assertThat(Files.readString(tmp.resolve("back/inbox/P01/services.csv"))).isEqualTo("a,b\n1,2\n");
        assertThat(Files.readString(tmp.resolve("back/top.txt"))).isEqualTo("t");
    }

    @Test
    void aParquetTableFolderOnHdfsReadsBackTheRowsWrittenAndIsReplacedWhole() throws Exception {
        StructType schema = new StructType().add("id", DataTypes.StringType).add("n", DataTypes.LongType);
        Location dir = Location.of(MiniHdfs.uri() + "/parquet-test/t/as_of=2026-09-30/run_id=1");
        LocalParquet.writeFolder(schema, List.of(RowFactory.create("a", 1L), RowFactory.create("b", 2L)), dir);
        LocalParquet.writeFolder(schema, List.of(RowFactory.create("c", 3L)), dir);
        assertThat(dir.list()).extracting(Location::name).containsExactly(LocalParquet.PART);
        List<Row> rows = LocalParquet.readFolder(dir).rows();
        assertThat(rows).extracting(Object::toString).containsExactly("[c,3]");
        // The same table written locally has the same bytes.
        Path local = tmp.resolve("t");
        LocalParquet.writeFolder(schema, List.of(RowFactory.create("c", 3L)), local);
        assertThat(dir.resolve(LocalParquet.PART).readAllBytes())
                .isEqualTo(Files.readAllBytes(local.resolve(LocalParquet.PART)));
    }
}
