package org.ipdex.authority.coverage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The comparison, set-based: two anti-joins (authority file minus collection = missing, collection minus authority
 * file = extra) written straight into the check's list partitions, and GROUP BYs for the counts. The caller runs it
 * in one REPEATABLE READ transaction, so every count sees the same active editions even if an office activates a
 * new edition meanwhile, and a failure leaves no half-written lists behind.
 *
 * <p>Matching: a collection entry with a kind matches the record with that number and kind; an entry without a
 * kind matches every kind of that number. Exception-coded records are counted apart and never missing.
 * Every value placed into SQL text here is a number read from the database (check and edition ids); the
 * collection's values arrive only through COPY and the scope's through bind parameters.
 */
final class CoverageAnalysis {

    private static final String IN_SCOPE = """
            EXISTS (SELECT 1 FROM coverage_scope s WHERE s.office = a.office AND (s.kind IS NULL OR s.kind = a.kind)
              AND (a.publication_date IS NULL
                   OR ((s.from_year IS NULL OR a.publication_date >= make_date(s.from_year, 1, 1))
                       AND (s.to_year IS NULL OR a.publication_date < make_date(s.to_year + 1, 1, 1)))))""";

    private final Connection connection;
    private final long id;
    private final CheckScope scope;

    CoverageAnalysis(Connection connection, long id, CheckScope scope) {
        this.connection = connection;
        this.id = id;
        this.scope = scope;
    }

    static String stagingTable(long id) {
        return "coverage_staging_" + id;
    }

    record Outcome(CoverageCounts totals, List<CoverageReport.OfficeCoverage> offices, List<CoverageReport.Row> rows,
                   Map<String, Long> editions) {
    }

    /**
     * A large collection ({@code stagedRows >= hashJoinsFrom}) is compared with hash joins only. PostgreSQL prices
     * the extra list's NOT EXISTS as one index probe into the authority file per collection row, which is right for
     * a few thousand rows but took 20 s at 10 million, where hashing the authority file takes 10 s; it also sorted
     * both sides for a merge join that cost more still. Below the threshold the probes are the better plan.
     */
    Outcome run(String workMem, long stagedRows, long hashJoinsFrom) throws SQLException {
        setLocal("work_mem", workMem);
        boolean large = stagedRows >= hashJoinsFrom;
        if (large) {
            setLocal("enable_nestloop", "off");
            setLocal("enable_mergejoin", "off");
        }
        try {
            return compare();
        } finally {
            if (large) {
                setLocal("enable_nestloop", "on");
                setLocal("enable_mergejoin", "on");
            }
        }
    }

    private Outcome compare() throws SQLException {
        Map<String, Long> editions = activeEditions();
        // whole offices: the edition ids already are the scope, and a per-row semi-join would cost a third more
        boolean wholeOffices = scope.lines().stream().allMatch(l -> l.kinds().isEmpty() && l.fromYear() == null
                && l.toYear() == null);
        String inScope = wholeOffices ? "TRUE" : IN_SCOPE;
        if (!wholeOffices) {
            createScopeTable();
        }
        String editionIds = editions.isEmpty() ? "NULL"
                : editions.values().stream().map(String::valueOf).collect(Collectors.joining(","));
        String staging = stagingTable(id);
        execute("CREATE TABLE coverage_missing_" + id + " PARTITION OF coverage_missing FOR VALUES IN (" + id + ")");
        execute("CREATE TABLE coverage_extra_" + id + " PARTITION OF coverage_extra FOR VALUES IN (" + id + ")");
        execute("INSERT INTO coverage_missing_" + id + " (check_id, office, number_key, kind, publication_date) "
                + "SELECT " + id + ", a.office, a.number_key, a.kind, a.publication_date FROM active_record a "
                + "WHERE a.edition_id IN (" + editionIds + ") AND a.exception_code IS NULL AND " + inScope
                + " AND NOT EXISTS (SELECT 1 FROM " + staging + " h WHERE h.number_key = a.number_key "
                + "AND (h.kind IS NULL OR h.kind = a.kind))");
        // only offices with an authority file can have extras: without one, nothing is known to be wrong
        execute("INSERT INTO coverage_extra_" + id + " (check_id, office, number_key, kind, line) "
                + "SELECT " + id + ", left(h.number_key, 2), h.number_key, h.kind, h.line FROM " + staging + " h "
                + "WHERE left(h.number_key, 2) IN (SELECT office FROM office_state WHERE active_edition_id IN ("
                + editionIds + ")) AND NOT EXISTS (SELECT 1 FROM active_record a WHERE a.edition_id IN ("
                + editionIds + ") AND a.number_key = h.number_key AND (h.kind IS NULL OR a.kind = h.kind))");
        Map<Cell, long[]> cells = new HashMap<>(); // expected, missing, extra, exceptions
        group("SELECT a.office, extract(year FROM a.publication_date)::int, a.kind, "
                + "count(*) FILTER (WHERE a.exception_code IS NULL), count(*) FILTER (WHERE a.exception_code IS NOT NULL) "
                + "FROM active_record a WHERE a.edition_id IN (" + editionIds + ") AND " + inScope
                + " GROUP BY 1, 2, 3", cells, 0, 3);
        group("SELECT office, extract(year FROM publication_date)::int, kind, count(*), 0 FROM coverage_missing_" + id
                + " GROUP BY 1, 2, 3", cells, 1, -1);
        group("SELECT office, NULL::int, kind, count(*), 0 FROM coverage_extra_" + id + " GROUP BY 1, 2, 3",
                cells, 2, -1);
        return outcome(cells, editions);
    }

    private Outcome outcome(Map<Cell, long[]> cells, Map<String, Long> editions) {
        List<CoverageReport.Row> rows = new ArrayList<>();
        Map<String, CoverageCounts> byOffice = new TreeMap<>();
        scope.offices().forEach(office -> byOffice.put(office, CoverageCounts.zero()));
        cells.forEach((cell, n) -> {
            CoverageCounts counts = CoverageCounts.of(n[0], n[1], n[2], n[3]);
            rows.add(new CoverageReport.Row(cell.office(), cell.year(), cell.kind(), counts.expected(), counts.held(),
                    counts.missing(), counts.extra(), counts.exceptions(), counts.percentComplete()));
            byOffice.merge(cell.office(), counts, CoverageCounts::plus);
        });
        rows.sort(Comparator.comparing(CoverageReport.Row::office)
                .thenComparing(CoverageReport.Row::publicationYear, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(CoverageReport.Row::kind, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<CoverageReport.OfficeCoverage> offices = new ArrayList<>();
        CoverageCounts totals = CoverageCounts.zero();
        for (Map.Entry<String, CoverageCounts> entry : byOffice.entrySet()) {
            offices.add(new CoverageReport.OfficeCoverage(entry.getKey(), editions.get(entry.getKey()), entry.getValue()));
            totals = totals.plus(entry.getValue());
        }
        return new Outcome(totals, offices, rows, editions);
    }

    private Map<String, Long> activeEditions() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT office, active_edition_id FROM office_state WHERE office = ANY (?) ORDER BY office")) {
            select.setArray(1, connection.createArrayOf("text", scope.offices().toArray()));
            Map<String, Long> editions = new TreeMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    editions.put(rows.getString(1), rows.getLong(2));
                }
            }
            return editions;
        }
    }

    /** The scope as a tiny table the record queries join: one row per office and kind (kind NULL = every kind). */
    private void createScopeTable() throws SQLException {
        execute("CREATE TEMP TABLE coverage_scope (office TEXT, kind TEXT, from_year INT, to_year INT) ON COMMIT DROP");
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO coverage_scope VALUES (?, ?, ?, ?)")) {
            for (CheckScope.Line line : scope.lines()) {
                List<String> kinds = line.kinds().isEmpty() ? java.util.Collections.singletonList(null) : line.kinds();
                for (String kind : kinds) {
                    insert.setString(1, line.office());
                    insert.setString(2, kind);
                    insert.setObject(3, line.fromYear(), java.sql.Types.INTEGER);
                    insert.setObject(4, line.toYear(), java.sql.Types.INTEGER);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        execute("ANALYZE coverage_scope");
    }

    private void group(String sql, Map<Cell, long[]> cells, int slot, int secondSlot) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                int year = rows.getInt(2);
                Integer y = rows.wasNull() ? null : year;
                long[] n = cells.computeIfAbsent(new Cell(rows.getString(1), y, rows.getString(3)), c -> new long[4]);
                n[slot] += rows.getLong(4);
                if (secondSlot >= 0) {
                    n[secondSlot] += rows.getLong(5);
                }
            }
        }
    }

    private void setLocal(String setting, String value) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config(?, ?, true)")) {
            set.setString(1, setting);
            set.setString(2, value);
            set.execute();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private record Cell(String office, Integer year, String kind) {
        Cell {
            Objects.requireNonNull(office);
        }
    }
}
