package org.glasshouse.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.glasshouse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NioLocalFileSystemTest {

    @TempDir
    java.nio.file.Path tmp;

    @Test
    void setsTheRequestedPermissionsWithoutAChildProcess() throws Exception {
        NioLocalFileSystem fs = new NioLocalFileSystem();
        fs.initialize(java.net.URI.create("file:///"), new Configuration());
        Path dir = new Path(tmp.resolve("a/b").toUri());

        assertTrue(fs.mkdirs(dir, new FsPermission((short) 0750)));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("a/b"))));

        fs.setPermission(dir, new FsPermission((short) 0705));
        assertEquals("rwx---r-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("a/b"))));
        assertEquals((short) 0705, fs.getFileStatus(dir).getPermission().toShort());
    }

    @Test
    void sparkWritesThroughIt() throws Exception {
        var spark = SharedSpark.get();
        FileSystem fs = new Path(tmp.toUri()).getFileSystem(spark.sparkContext().hadoopConfiguration());
        assertInstanceOf(NioLocalFileSystem.class, fs);

        String out = tmp.resolve("t.parquet").toString();
        spark.range(5).write().parquet(out);
        assertEquals(10L, spark.read().parquet(out).agg(org.apache.spark.sql.functions.sum("id")).first().getLong(0));
    }
}
