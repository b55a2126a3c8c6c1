package org.ipdex.authority.record;

import org.ipdex.common.problem.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Filters of a listing or export, and the keyset cursor: records are ordered by {@code (number_key, kind)} —
 * the key of every edition table's unique index, and grouped by office because a number key starts with it.
 */
public record RecordFilter(String office, String kind, Integer fromYear, Integer toYear, String exceptionCode) {

    public RecordFilter {
        office = office == null || office.isBlank() ? null : office.strip().toUpperCase(Locale.ROOT);
        kind = kind == null || kind.isBlank() ? null : kind.strip().toUpperCase(Locale.ROOT);
        exceptionCode = exceptionCode == null || exceptionCode.isBlank() ? null : exceptionCode.strip();
        if (fromYear != null && toYear != null && fromYear > toYear) {
            throw InvalidInputException.parameter("fromYear", "must not be after toYear");
        }
    }

    /** The WHERE clause (with {@code ?} placeholders) and its values, in order. */
    record Where(String sql, List<Object> values) {
        void bind(PreparedStatement statement, int first) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(first + i, values.get(i));
            }
        }
    }

    Where where(String cursor) {
        StringBuilder sql = new StringBuilder(" WHERE true");
        List<Object> values = new ArrayList<>();
        if (office != null) {
            sql.append(" AND office = ?");
            values.add(office);
        }
        if (kind != null) {
            sql.append(" AND kind = ?");
            values.add(kind);
        }
        if (fromYear != null) {
            sql.append(" AND publication_date >= make_date(?, 1, 1)");
            values.add(fromYear);
        }
        if (toYear != null) {
            sql.append(" AND publication_date < make_date(?, 1, 1)");
            values.add(toYear + 1);
        }
        if (exceptionCode != null) {
            sql.append(" AND exception_code = ?");
            values.add(exceptionCode);
        }
        if (cursor != null) {
            String[] key = decode(cursor);
            sql.append(" AND (number_key, kind) > (?, ?)");
            values.add(key[0]);
            values.add(key[1]);
        }
        return new Where(sql.toString(), values);
    }

    static String encode(String numberKey, String kind) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((numberKey + "\t" + kind).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            String[] key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\t", -1);
            if (key.length == 2) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same answer as any other foreign cursor
        }
        throw InvalidInputException.parameter("cursor", "not a cursor of this listing");
    }
}
