package org.ipdex.authority.ingest;

import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Writes rows in PostgreSQL's binary {@code COPY} format straight into a {@link CopyIn}: no per-row objects, no
 * text to parse on the server side (dates travel as day numbers), constant memory (one 256 KiB buffer).
 * Columns: {@code edition_id, office, number_key, kind, publication_date, exception_code, doc_number,
 * source_line[, deleted]}.
 */
final class CopyEncoder {

    static final String COLUMNS = "edition_id, office, number_key, kind, publication_date, exception_code, doc_number, source_line";
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** PostgreSQL counts dates from 2000-01-01; Java from 1970-01-01. */
    private static final int PG_EPOCH_DAY = 10_957;

    private final CopyIn copy;
    private final boolean withDeleted;
    private final short fields;
    private final byte[] buffer = new byte[1 << 18];
    private int position;

    CopyEncoder(CopyIn copy, boolean withDeleted) throws SQLException {
        this.copy = copy;
        this.withDeleted = withDeleted;
        this.fields = (short) (withDeleted ? 9 : 8);
        System.arraycopy(SIGNATURE, 0, buffer, 0, SIGNATURE.length);
        position = SIGNATURE.length;
        int32(0);
        int32(0);
    }

    void write(long editionId, AuthorityRow row) throws SQLException {
        // the longest row: 2 + 8 fields of header/int (<= 12 bytes each) + texts; flush early to keep it simple
        if (buffer.length - position < 4096) {
            flush();
        }
        int16(fields);
        int32(8);
        int64(editionId);
        text(row.office());
        text(row.numberKey());
        text(row.kind());
        if (row.epochDay() == AuthorityRow.NO_DATE) {
            int32(-1);
        } else {
            int32(4);
            int32(row.epochDay() - PG_EPOCH_DAY);
        }
        text(row.exceptionCode());
        text(row.docNumber());
        int32(8);
        int64(row.line());
        if (withDeleted) {
            int32(1);
            buffer[position++] = (byte) (row.delete() ? 1 : 0);
        }
    }

    /** @return the rows the server took */
    long finish() throws SQLException {
        if (buffer.length - position < 2) {
            flush();
        }
        int16((short) -1);
        flush();
        return copy.endCopy();
    }

    private void flush() throws SQLException {
        if (position > 0) {
            copy.writeToCopy(buffer, 0, position);
            position = 0;
        }
    }

    private void text(String value) throws SQLException {
        if (value == null) {
            int32(-1);
            return;
        }
        int length = value.length();
        if (length > 400) {
            value = value.substring(0, 400);
            length = 400;
        }
        int lengthAt = position;
        position += 4;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || c == 0) {
                position = lengthAt;
                slowText(value);
                return;
            }
            buffer[position++] = (byte) c;
        }
        int at = position;
        position = lengthAt;
        int32(length);
        position = at;
    }

    /** Non-ASCII (rare in authority files): UTF-8, without NUL characters, which PostgreSQL text cannot hold. */
    private void slowText(String value) throws SQLException {
        byte[] bytes = value.replace("\0", "").getBytes(StandardCharsets.UTF_8);
        if (buffer.length - position < bytes.length + 4) {
            flush();
        }
        int32(bytes.length);
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    private void int16(short value) {
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
    }

    private void int32(int value) {
        buffer[position++] = (byte) (value >>> 24);
        buffer[position++] = (byte) (value >>> 16);
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
    }

    private void int64(long value) {
        int32((int) (value >>> 32));
        int32((int) value);
    }
}
