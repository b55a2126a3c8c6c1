package org.ipdex.authority.coverage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines straight from bytes with a bounded length, so that a file without line breaks (or a gzip bomb that
 * inflates to one endless line) costs a fixed buffer, not the heap. Bytes become chars one to one (ISO-8859-1):
 * publication numbers are ASCII, and anything else is an unparseable line whatever its encoding.
 */
final class LineReader {

    static final int MAX_LINE = 4096;

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private final byte[] line = new byte[MAX_LINE];
    private int position;
    private int limit;
    private long lineNumber;
    private boolean tooLong;
    private boolean first = true;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its line break, or null at the end. */
    String next() throws IOException {
        int length = 0;
        tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = position;
            int end = start;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int chunk = end - start;
            int room = MAX_LINE - length;
            if (chunk > room) {
                tooLong = true;
            }
            System.arraycopy(buffer, start, line, length, Math.min(chunk, room));
            length += Math.min(chunk, room);
            position = end;
            if (end < limit) {
                position++; // past the '\n'
                break;
            }
        }
        lineNumber++;
        int from = 0;
        if (first) {
            first = false;
            if (length >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF) {
                from = 3; // a UTF-8 byte order mark, as spreadsheet programs write
            }
        }
        if (length > from && line[length - 1] == '\r') {
            length--;
        }
        return new String(line, from, length - from, StandardCharsets.ISO_8859_1);
    }

    long lineNumber() {
        return lineNumber;
    }

    /** The last line was longer than {@link #MAX_LINE} and was cut. */
    boolean wasTooLong() {
        return tooLong;
    }

    /** The text of a line for a report: as UTF-8 where it is, without control characters, short. */
    static String forReport(String line) {
        String text = new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
                .replaceAll("\\p{Cntrl}", "\uFFFD");
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }
}
