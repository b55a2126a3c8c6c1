package org.ipdex.authority.edition;

import jakarta.inject.Singleton;
import org.ipdex.authority.record.CursorStream;
import org.ipdex.authority.record.PoolConnections;
import org.ipdex.common.problem.ConflictException;
import org.ipdex.common.problem.InvalidInputException;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Diffs two editions of an office set against set, in one statement over their record tables: a full join on
 * number and kind finds what was added, removed or changed in date or exception code; a number that lost one kind
 * and gained another, and nothing else, counts once as changed (its kind was corrected), not as a removal plus an
 * addition.
 */
@Singleton
class EditionDiff {

    static final Set<String> CHANGES = Set.of("added", "removed", "changed");

    private final EditionViews editions;
    private final PoolConnections connections;

    EditionDiff(EditionViews editions, PoolConnections connections) {
        this.editions = editions;
        this.connections = connections;
    }

    public DiffResponse counts(long editionId, long against) throws SQLException {
        String sql = "SELECT coalesce(extract(year FROM coalesce(date_after, date_before))::int, 0) AS year, "
                + "coalesce(kind_after, kind_before) AS kind, count(*) FILTER (WHERE change = 'added'), "
                + "count(*) FILTER (WHERE change = 'removed'), count(*) FILTER (WHERE change = 'changed') FROM ("
                + changes(editionId, against) + ") c GROUP BY 1, 2 ORDER BY 1, 2";
        List<DiffResponse.Cell> cells = new ArrayList<>();
        long added = 0;
        long removed = 0;
        long changed = 0;
        try (Connection connection = connections.connection(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                DiffResponse.Cell cell = new DiffResponse.Cell(rows.getInt(1), rows.getString(2), rows.getLong(3),
                        rows.getLong(4), rows.getLong(5));
                cells.add(cell);
                added += cell.added();
                removed += cell.removed();
                changed += cell.changed();
            }
        }
        return new DiffResponse(editionId, against, added, removed, changed, cells);
    }

    /** The changes themselves as CSV, streamed; {@code change} narrows to added, removed or changed. */
    public InputStream list(long editionId, long against, String change) throws SQLException {
        if (change != null && !CHANGES.contains(change)) {
            throw InvalidInputException.parameter("change", "added, removed or changed");
        }
        String sql = "SELECT change, number_key, kind_before, kind_after, date_before, date_after, exception_before, "
                + "exception_after FROM (" + changes(editionId, against) + ") c"
                + (change == null ? "" : " WHERE change = ?") + " ORDER BY number_key";
        return connections.stream(sql, statement -> {
            if (change != null) {
                statement.setString(1, change);
            }
        }, "change,numberKey,kindBefore,kindAfter,publicationDateBefore,publicationDateAfter,exceptionCodeBefore,"
                + "exceptionCodeAfter\n", (row, out) -> {
            for (int column = 1; column <= 8; column++) {
                if (column > 1) {
                    out.append(',');
                }
                CursorStream.csv(out, row.getString(column));
            }
            out.append('\n');
        });
    }

    private String changes(long editionId, long against) {
        Edition after = editions.edition(editionId);
        Edition before = editions.edition(against);
        if (!after.office().equals(before.office())) {
            throw InvalidInputException.parameter("against", "edition " + against + " is of office " + before.office()
                    + ", not " + after.office());
        }
        for (Edition edition : List.of(after, before)) {
            if (!edition.hasRecords()) {
                throw new ConflictException("Edition " + edition.id() + " has no record set to compare ("
                        + edition.status() + (edition.recordsKept() ? "" : ", records no longer kept") + ")");
            }
        }
        String a = EditionTables.records(against);
        String b = EditionTables.records(editionId);
        return """
                WITH j AS (
                  SELECT coalesce(b.number_key, a.number_key) AS number_key, a.kind AS kind_before, b.kind AS kind_after,
                         a.publication_date AS date_before, b.publication_date AS date_after,
                         a.exception_code AS exception_before, b.exception_code AS exception_after
                  FROM %s a FULL JOIN %s b ON a.number_key = b.number_key AND a.kind = b.kind
                  WHERE a.number_key IS NULL OR b.number_key IS NULL
                     OR a.publication_date IS DISTINCT FROM b.publication_date
                     OR a.exception_code IS DISTINCT FROM b.exception_code),
                recoded AS (
                  SELECT number_key FROM j GROUP BY number_key
                  HAVING count(*) = 2 AND count(kind_before) = 1 AND count(kind_after) = 1)
                SELECT 'changed' AS change, j.number_key, max(kind_before) AS kind_before, max(kind_after) AS kind_after,
                       max(date_before) AS date_before, max(date_after) AS date_after,
                       max(exception_before) AS exception_before, max(exception_after) AS exception_after
                FROM j JOIN recoded USING (number_key) GROUP BY j.number_key
                UNION ALL
                SELECT CASE WHEN kind_before IS NULL THEN 'added' WHEN kind_after IS NULL THEN 'removed' ELSE 'changed' END,
                       number_key, kind_before, kind_after, date_before, date_after, exception_before, exception_after
                FROM j WHERE NOT EXISTS (SELECT 1 FROM recoded r WHERE r.number_key = j.number_key)
                """.formatted(a, b);
    }
}
