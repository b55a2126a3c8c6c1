package org.ipdex.authority.scope;

import jakarta.inject.Singleton;
import org.ipdex.common.problem.NotFoundException;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Compares each office's active authority file with the current scope (see {@link OfficeStatus}). */
@Singleton
public class ScopeStatusService {

    private static final int CACHE_LIMIT = 512;

    private final DataSource dataSource;
    private final ScopeStore scopes;
    private final Clock clock = Clock.systemUTC();
    private final Map<Long, EditionCounts> countsByEdition = new ConcurrentHashMap<>();

    public ScopeStatusService(DataSource dataSource, ScopeStore scopes) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource); // plain pooled connections, no ambient transaction
        this.scopes = scopes;
    }

    public ScopeStatus status() {
        Scope scope = scopes.current().orElseThrow(() -> new NotFoundException("No scope has been defined yet"));
        LocalDate today = LocalDate.now(clock);
        try (Connection connection = dataSource.getConnection()) {
            Map<String, ActiveEdition> active = activeEditions(connection, scope.offices());
            List<OfficeStatus> offices = new ArrayList<>();
            for (String office : scope.offices()) {
                ActiveEdition edition = active.get(office);
                if (edition == null) {
                    offices.add(OfficeStatus.withoutAuthorityFile(office));
                } else {
                    List<ScopeEntry> entries = scope.entries().stream().filter(e -> e.office().equals(office)).toList();
                    offices.add(describe(office, edition, counts(connection, edition.id()), entries, today));
                }
            }
            return new ScopeStatus(scope.version(), today, offices);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the authority files' status", e);
        }
    }

    /** One office against these scope entries (for an office outside the scope, with no entries). */
    public OfficeStatus of(String office, List<ScopeEntry> entries, LocalDate today) {
        try (Connection connection = dataSource.getConnection()) {
            ActiveEdition edition = activeEditions(connection, List.of(office)).get(office);
            return edition == null ? OfficeStatus.withoutAuthorityFile(office)
                    : describe(office, edition, counts(connection, edition.id()), entries, today);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the authority file's status of " + office, e);
        }
    }

    static OfficeStatus describe(String office, ActiveEdition edition, EditionCounts counts, List<ScopeEntry> entries,
                                 LocalDate today) {
        TreeSet<Integer> years = new TreeSet<>();
        Set<String> kindsSeen = new TreeSet<>();
        Map<String, Set<Integer>> yearsByKind = new HashMap<>();
        for (EditionCounts.Cell cell : counts.cells()) {
            kindsSeen.add(cell.kind());
            if (cell.year() != null) {
                years.add(cell.year());
                yearsByKind.computeIfAbsent(cell.kind(), k -> new TreeSet<>()).add(cell.year());
            }
        }
        Set<String> scopeKinds = new TreeSet<>();
        entries.forEach(entry -> scopeKinds.addAll(entry.kinds()));
        Set<Integer> gapYears = new TreeSet<>();
        for (ScopeEntry entry : entries) {
            int last = entry.toYear() == null ? today.getYear() : Math.min(entry.toYear(), today.getYear());
            for (int year = entry.fromYear(); year <= last; year++) {
                int y = year;
                boolean any = entry.kinds().stream().anyMatch(k -> yearsByKind.getOrDefault(k, Set.of()).contains(y));
                if (!any) {
                    gapYears.add(year);
                }
            }
        }
        List<String> neverSeen = scopeKinds.stream().filter(k -> !kindsSeen.contains(k)).toList();
        List<String> outside = kindsSeen.stream().filter(k -> !scopeKinds.contains(k)).toList();
        Long age = edition.producedOn() == null ? null : ChronoUnit.DAYS.between(edition.producedOn(), today);
        return new OfficeStatus(office, true, edition.id(), edition.producedOn(), age, counts.total(),
                years.isEmpty() ? null : years.first(),
                years.isEmpty() ? null : years.last(),
                ranges(gapYears), neverSeen, outside);
    }

    static List<OfficeStatus.YearRange> ranges(Set<Integer> sortedYears) {
        List<OfficeStatus.YearRange> ranges = new ArrayList<>();
        Integer start = null;
        Integer previous = null;
        for (int year : sortedYears) {
            if (previous == null || year != previous + 1) {
                if (start != null) {
                    ranges.add(new OfficeStatus.YearRange(start, previous));
                }
                start = year;
            }
            previous = year;
        }
        if (start != null) {
            ranges.add(new OfficeStatus.YearRange(start, Objects.requireNonNull(previous)));
        }
        return ranges;
    }

    private static Map<String, ActiveEdition> activeEditions(Connection connection, List<String> offices)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT s.office, e.id, e.produced_on FROM office_state s JOIN edition e ON e.id = s.active_edition_id
                WHERE s.office = ANY (?)""")) {
            select.setArray(1, connection.createArrayOf("text", offices.toArray()));
            Map<String, ActiveEdition> active = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    java.sql.Date produced = rows.getDate(3);
                    active.put(rows.getString(1), new ActiveEdition(rows.getLong(2),
                            produced == null ? null : produced.toLocalDate()));
                }
            }
            return active;
        }
    }

    private EditionCounts counts(Connection connection, long editionId) throws SQLException {
        EditionCounts cached = countsByEdition.get(editionId);
        if (cached != null) {
            return cached;
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT extract(year FROM publication_date)::int, kind, count(*) FROM authority_record
                WHERE edition_id = ? GROUP BY 1, 2""")) {
            select.setLong(1, editionId);
            List<EditionCounts.Cell> cells = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int year = rows.getInt(1);
                    Integer y = rows.wasNull() ? null : year;
                    cells.add(new EditionCounts.Cell(y, rows.getString(2), rows.getLong(3)));
                }
            }
            EditionCounts counts = new EditionCounts(List.copyOf(cells));
            if (countsByEdition.size() >= CACHE_LIMIT) {
                countsByEdition.clear();
            }
            countsByEdition.put(editionId, counts);
            return counts;
        }
    }

    record ActiveEdition(long id, LocalDate producedOn) {
    }
}
