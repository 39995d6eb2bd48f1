package org.glasshouse.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * A Parquet file's bytes with the one thing parquet-mr does not write deterministically put in order: each column
 * chunk's list of encodings, which it fills from a HashSet of enum constants (identity hash codes, so the order can
 * differ between any two JVMs, local or not). Every data and dictionary page is compared as written; the footer is
 * re-serialised with the encodings sorted.
 */
final class ParquetBytes {

    private ParquetBytes() {}

    static byte[] canonical(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int footerLength = ByteBuffer.wrap(b, b.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int footerStart = b.length - 8 - footerLength;
        FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(b, footerStart, footerLength));
        for (RowGroup rg : meta.getRow_groups()) {
            for (ColumnChunk cc : rg.getColumns()) {
                List<Encoding> encodings = new ArrayList<>(cc.getMeta_data().getEncodings());
                encodings.sort(Comparator.comparingInt(Encoding::getValue));
                cc.getMeta_data().setEncodings(encodings);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, footerStart);
        Util.writeFileMetaData(meta, out);
        out.write(Arrays.copyOfRange(b, b.length - 8, b.length));
        return out.toByteArray();
    }
}
