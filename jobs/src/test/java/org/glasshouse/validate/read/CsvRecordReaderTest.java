package org.glasshouse.validate.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

    private static List<CsvRecordReader.RawRecord> read(String text) throws IOException {
        return read(text, 1 << 20);
    }

    private static List<CsvRecordReader.RawRecord> read(String text, int maxChars) throws IOException {
        CsvRecordReader r = new CsvRecordReader(new LineReader(new StringReader(text), maxChars), maxChars);
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

    @Test
    void aLineLongerThanTheLimitIsOneRecordKeptShortAndTheNextLinesStillCount() throws IOException {
        String longLine = "x".repeat(5000);
        var recs = read("a,b\n" + longLine + "\n1,2\r3,4\n", 100);
        assertThat(recs).extracting(CsvRecordReader.RawRecord::line).containsExactly(1L, 2L, 3L, 4L);
        assertThat(recs.get(1).tooLong()).isTrue();
        assertThat(recs.get(1).length()).isEqualTo(5000);
        assertThat(recs.get(1).text()).hasSize(100).matches("x+");
        assertThat(recs.get(2).text()).isEqualTo("1,2");
        assertThat(recs.get(3).text()).isEqualTo("3,4");                // a lone CR ends a line too
    }

    @Test
    void anOpenQuoteStopsBorrowingLinesOnceTheRecordWouldPassTheLimit() throws IOException {
        StringBuilder s = new StringBuilder("h\n\"open\n");
        for (int i = 0; i < 10; i++) s.append("y".repeat(30)).append('\n');
        var recs = read(s.toString(), 100);
        assertThat(recs.get(1).unbalanced()).isTrue();
        assertThat(recs).hasSize(12);                                   // header, the bad line, 10 lines given back
    }
}
