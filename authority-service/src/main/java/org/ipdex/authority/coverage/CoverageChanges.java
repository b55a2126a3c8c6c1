package org.ipdex.authority.coverage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What changed since the previous check of the same collection (same name) against the same scope: set
 * differences of the two checks' kept missing and extra lists, by number and kind. Runs inside the comparison's
 * transaction, after this check's lists are written.
 */
final class CoverageChanges {

    private CoverageChanges() {
    }

    static CoverageReport.Changes compare(Connection connection, long current, StoredCheck previous,
                                          CoverageCounts previousTotals, Map<String, Long> editions)
            throws SQLException {
        String now = "coverage_missing_" + current;
        String before = "coverage_missing_" + previous.id();
        String editionIds = editions.isEmpty() ? "NULL"
                : editions.values().stream().map(String::valueOf).collect(Collectors.joining(","));
        long newlyMissing = count("SELECT count(*) FROM " + now + " c WHERE NOT EXISTS (SELECT 1 FROM " + before
                + " p WHERE p.number_key = c.number_key AND p.kind = c.kind)", connection);
        String gone = "FROM " + before + " p WHERE NOT EXISTS (SELECT 1 FROM " + now
                + " c WHERE c.number_key = p.number_key AND c.kind = p.kind)";
        long noLongerMissing = count("SELECT count(*) " + gone, connection);
        long newlyHeld = count("SELECT count(*) " + gone + " AND EXISTS (SELECT 1 FROM active_record a WHERE "
                + "a.edition_id IN (" + editionIds + ") AND a.number_key = p.number_key AND a.kind = p.kind "
                + "AND a.exception_code IS NULL)", connection);
        String extraNow = "coverage_extra_" + current;
        String extraBefore = "coverage_extra_" + previous.id();
        long newlyExtra = count("SELECT count(DISTINCT (c.number_key, c.kind)) FROM " + extraNow + " c WHERE NOT EXISTS "
                + "(SELECT 1 FROM " + extraBefore + " p WHERE p.number_key = c.number_key "
                + "AND p.kind IS NOT DISTINCT FROM c.kind)", connection);
        long noLongerExtra = count("SELECT count(DISTINCT (p.number_key, p.kind)) FROM " + extraBefore + " p WHERE NOT EXISTS "
                + "(SELECT 1 FROM " + extraNow + " c WHERE c.number_key = p.number_key "
                + "AND c.kind IS NOT DISTINCT FROM p.kind)", connection);
        return new CoverageReport.Changes(previous.checkId(), previous.createdAt(), previous.scopeVersion(),
                newlyMissing, noLongerMissing, newlyHeld, newlyExtra, noLongerExtra, previousTotals);
    }

    private static long count(String sql, Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
