package org.glasshouse.validate.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

    private static List<CsvRecordReader.RawRecord> read(String text) throws IOException {
        CsvRecordReader r = new CsvRecordReader(new BufferedReader(new StringReader(text)));
        List<CsvRecordReader.RawRecord> out = new ArrayList<>();
        for (CsvRecordReader.RawRecord rec; (rec = r.next()) != null; ) out.add(rec);
        return out;
    }

    @Test
    void keepsAQuotedNewlineInsideOneRecordAndNumbersLinesPhysically() throws IOException {
        var recs = read("\uFEFFa,b\r\n1,\"two\nlines\"\r\n\r\n3,x\r\n");
        assertThat(recs).extracting(CsvRecordReader.RawRecord::line).containsExactly(1L, 2L, 5L);
        assertThat(recs.get(0).text()).isEqualTo("a,b");           // BOM stripped
        assertThat(recs.get(1).text()).isEqualTo("1,\"two\nlines\"");
        assertThat(recs.get(2).text()).isEqualTo("3,x");           // blank line 4 skipped, not a row
    }

    @Test
    void anUnclosedQuoteCostsOnlyItsOwnLine() throws IOException {
        StringBuilder s = new StringBuilder("h1,h2\n1,\"open\n");
        for (int i = 0; i < 60; i++) s.append(i).append(",ok\n");
        var recs = read(s.toString());
        assertThat(recs.get(1).unbalanced()).isTrue();
        assertThat(recs.get(1).line()).isEqualTo(2);
        assertThat(recs).hasSize(62);                               // header + the bad line + 60 good rows
        assertThat(recs.get(2).text()).isEqualTo("0,ok");
        assertThat(recs.get(2).line()).isEqualTo(3);
        assertThat(recs.get(61).line()).isEqualTo(62);
    }

    @Test
    void doubledQuotesStayBalanced() throws IOException {
        var recs = read("a\n\"say \"\"hi\"\", then\"\nb\n");
        assertThat(recs).extracting(CsvRecordReader.RawRecord::text)
                .containsExactly("a", "\"say \"\"hi\"\", then\"", "b");
    }
}
