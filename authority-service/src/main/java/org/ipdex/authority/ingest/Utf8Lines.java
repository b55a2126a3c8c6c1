package org.ipdex.authority.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines of UTF-8 text, decoded strictly one line at a time so that a byte sequence that is not UTF-8 is reported
 * at its own line (a {@code BufferedReader} decodes ahead in blocks and would blame the wrong one). ASCII lines —
 * nearly all of an authority file — become strings without a decoder.
 */
final class Utf8Lines {

    private final InputStream in;
    private final int maxLine;
    private final byte[] buffer = new byte[1 << 16];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line = new byte[256];
    private int position;
    private int limit;

    Utf8Lines(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** The next line without its terminator ({@code \n} or {@code \r\n}); null at the end of the text. */
    String next() throws IOException {
        int length = 0;
        boolean ascii = true;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? decode(line, 0, length, ascii) : null;
                }
            }
            any = true;
            int start = position;
            int end = start;
            byte seen = 0;
            while (end < limit && buffer[end] != '\n') {
                seen |= buffer[end];
                end++;
            }
            ascii &= seen >= 0;
            position = end < limit ? end + 1 : end;
            if (length == 0 && end < limit) {
                // the whole line lies in the buffer: no copy
                return decode(buffer, start, end - start, ascii);
            }
            length = append(start, end, length);
            if (end < limit) {
                return decode(line, 0, length, ascii);
            }
        }
    }

    private int append(int start, int end, int length) throws IOException {
        int chunk = end - start;
        if (length + chunk > maxLine) {
            throw new MalformedFileException("A line is longer than " + maxLine + " bytes");
        }
        if (length + chunk > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
        }
        System.arraycopy(buffer, start, line, length, chunk);
        return length + chunk;
    }

    private String decode(byte[] bytes, int offset, int length, boolean ascii) throws CharacterCodingException {
        if (length > 0 && bytes[offset + length - 1] == '\r') {
            length--;
        }
        if (length > maxLine) {
            throw new MalformedFileException("A line is longer than " + maxLine + " bytes");
        }
        return ascii ? new String(bytes, offset, length, StandardCharsets.ISO_8859_1)
                : decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
    }

    void close() throws IOException {
        in.close();
    }
}
