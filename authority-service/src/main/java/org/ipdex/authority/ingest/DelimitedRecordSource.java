package org.ipdex.authority.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;

/**
 * Entries of a delimited text file, one per line, fields placed by a {@link ColumnMapping}. The text must be
 * UTF-8 (ASCII is): a byte sequence that is not UTF-8 rejects the file with its line number rather than storing
 * replacement characters. A line with too few columns (a file cut off mid-record) is a record error.
 */
final class DelimitedRecordSource implements RecordSource {

    /** A line longer than this is not an authority-file entry; refusing it bounds memory. */
    private static final int MAX_LINE = 64 * 1024;

    private final Utf8Lines reader;
    private final ColumnMapping mapping;
    private final int columnsNeeded;
    private final String[] fields;
    private long line;
    private RawRecord current;
    private boolean first = true;

    DelimitedRecordSource(InputStream in, ColumnMapping mapping) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        rejectUtf16(buffered);
        this.reader = new Utf8Lines(buffered, MAX_LINE);
        this.mapping = mapping;
        this.columnsNeeded = Math.max(Math.max(mapping.number(), mapping.kind()), mapping.date()) + 1;
        int width = Math.max(columnsNeeded, Math.max(Math.max(mapping.office(), mapping.exceptionCode()),
                mapping.action()) + 1);
        this.fields = new String[width];
    }

    @Override
    public FileHeader header() {
        return FileHeader.none();
    }

    @Override
    public boolean advance() throws IOException {
        String text;
        while ((text = readLine()) != null) {
            line++;
            if (first) {
                first = false;
                text = text.startsWith("\uFEFF") ? text.substring(1) : text;
                if (isHeader(text)) {
                    continue;
                }
            }
            if (text.isBlank()) {
                continue;
            }
            int found = split(text);
            if (found < columnsNeeded) {
                current = RawRecord.incomplete(line, "line has " + found + " column(s), expected at least "
                        + columnsNeeded + " (cut off?)");
                return true;
            }
            current = new RawRecord(line, field(mapping.office()), fields[mapping.number()], fields[mapping.kind()],
                    fields[mapping.date()], field(mapping.exceptionCode()), isDelete(field(mapping.action())));
            return true;
        }
        return false;
    }

    @Override
    public RawRecord current() {
        return current;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private String readLine() throws IOException {
        try {
            return reader.next();
        } catch (CharacterCodingException e) {
            throw new MalformedFileException("Not UTF-8 text (re-encode the file as UTF-8)", line + 1, null);
        } catch (MalformedFileException e) {
            throw new MalformedFileException(e.getMessage(), line + 1, null);
        }
    }

    private boolean isHeader(String text) {
        if (mapping.header() != null) {
            return mapping.header();
        }
        int found = split(text);
        if (found <= mapping.number()) {
            return false;
        }
        String number = fields[mapping.number()];
        for (int i = 0; i < number.length(); i++) {
            if (Character.isDigit(number.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Fills {@link #fields} (stripped) and returns how many columns the line has, up to the array's size. */
    private int split(String text) {
        char delimiter = mapping.delimiter();
        int count = 0;
        int start = 0;
        int length = text.length();
        if (length > 0 && text.charAt(length - 1) == '\r') {
            length--;
        }
        while (count < fields.length) {
            int end = text.indexOf(delimiter, start);
            if (end < 0 || end > length) {
                end = length;
            }
            fields[count++] = strip(text, start, end);
            if (end >= length) {
                break;
            }
            start = end + 1;
        }
        for (int i = count; i < fields.length; i++) {
            fields[i] = "";
        }
        return count;
    }

    private static String strip(String text, int start, int end) {
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        if (end - start >= 2 && text.charAt(start) == '"' && text.charAt(end - 1) == '"') {
            start++;
            end--;
        }
        return text.substring(start, end);
    }

    private String field(int column) {
        return column < 0 ? "" : fields[column];
    }

    private static boolean isDelete(String action) {
        return action.equalsIgnoreCase("D") || action.equalsIgnoreCase("delete") || action.equalsIgnoreCase("deleted");
    }

    private static void rejectUtf16(BufferedInputStream in) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        if ((a == 0xFE && b == 0xFF) || (a == 0xFF && b == 0xFE) || (a == 0 && b > 0) || (a > 0 && b == 0)) {
            throw new MalformedFileException("UTF-16 text: re-encode the file as UTF-8", 1, null);
        }
    }
}
