package org.glasshouse.validate.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a text file for line reading. Bytes that are not valid in the file's encoding do not stop the read: each
 * becomes {@link #INVALID}, so the row holding it can be quarantined (ROW-007) while every other row is read as
 * sent. U+FFFF is a noncharacter, never valid in interchanged text, so it cannot be confused with partner data.
 */
final class TextInput {

    /** Stands for an undecodable byte sequence inside decoded text. */
    static final char INVALID = '\uFFFF';
    /** How an undecodable sequence is shown to partners. */
    static final char SHOWN_INVALID = '\uFFFD';
    /** How a NUL character is shown to partners (the symbol for NUL). */
    static final char SHOWN_NUL = '\u2400';

    private TextInput() {}

    static Reader open(Path file, String charset) throws IOException {
        return reader(Files.newInputStream(file), charset);
    }

    /** A landed file by local path or store URI ({@link LandedInput}). */
    static Reader open(String file, org.apache.hadoop.conf.Configuration conf, String charset) throws IOException {
        return reader(LandedInput.open(file, conf), charset);
    }

    static Reader reader(InputStream in, String charset) {
        CharsetDecoder decoder = Charset.forName(charset).newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(INVALID));
        return new InputStreamReader(in, decoder);
    }

    /** The rule a line of text breaks by its characters alone (invalid bytes, NUL), or null. */
    static String characterRule(String text) {
        if (text.indexOf(INVALID) >= 0) return MalformedRule.INVALID_ENCODING;
        if (text.indexOf('\0') >= 0) return MalformedRule.NUL_CHARACTER;
        return null;
    }

    /** Text safe to store and show: undecodable bytes as U+FFFD, NUL as the NUL symbol. */
    static String shown(String text) {
        return text.replace(INVALID, SHOWN_INVALID).replace('\0', SHOWN_NUL);
    }
}
