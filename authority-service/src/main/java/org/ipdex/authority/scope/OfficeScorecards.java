package org.ipdex.authority.scope;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An office's authority-file scorecard. Each past edition is judged from its stored statistics (year × kind counts,
 * kept after housekeeping drops its records) against today's scope, with the scope's open-ended years counted up
 * to the edition's activation, so the history shows how the file improved against one yardstick.
 */
@Singleton
public class OfficeScorecards {

    private static final int HISTORY = 100;

    private final DataSource dataSource;
    private final ScopeStore scopes;
    private final ScopeStatusService status;
    private final Clock clock = Clock.systemUTC();

    public OfficeScorecards(DataSource dataSource, ScopeStore scopes, ScopeStatusService status) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.scopes = scopes;
        this.status = status;
    }

    /** Any office code has a scorecard: one that never uploaded a file and is not in scope has an empty one. */
    public AuthorityScorecard of(String office) {
        Optional<Scope> scope = scopes.current();
        boolean inScope = scope.map(s -> s.offices().contains(office)).orElse(false);
        List<ScopeEntry> entries = scope.map(s -> s.entries().stream().filter(e -> e.office().equals(office)).toList())
                .orElse(List.of());
        LocalDate today = LocalDate.now(clock);
        OfficeStatus current = status.of(office, entries, today);
        try (Connection connection = dataSource.getConnection()) {
            List<Activated> editions = activated(connection, office);
            Map<Long, List<EditionCounts.Cell>> cells = statistics(connection, editions);
            List<AuthorityScorecard.EditionPoint> history = new ArrayList<>();
            for (Activated edition : editions) {
                LocalDate day = edition.activatedAt().atZone(ZoneOffset.UTC).toLocalDate();
                OfficeStatus then = ScopeStatusService.describe(office,
                        new ScopeStatusService.ActiveEdition(edition.id(), edition.producedOn()),
                        new EditionCounts(cells.getOrDefault(edition.id(), List.of())), entries, day);
                history.add(new AuthorityScorecard.EditionPoint(edition.id(), edition.activatedAt(),
                        edition.producedOn(), edition.records(), then.ageDays(), years(then), then.kindsNeverSeen().size(),
                        coverageStatus(inScope, then)));
            }
            Instant activatedAt = editions.stream().filter(e -> current.activeEditionId() != null
                    && e.id() == current.activeEditionId()).map(Activated::activatedAt).findFirst().orElse(null);
            return new AuthorityScorecard(office, today, scope.map(Scope::version).orElse(null), inScope,
                    coverageStatus(inScope, current), current, activatedAt, history);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the authority scorecard of " + office, e);
        }
    }

    static String coverageStatus(boolean inScope, OfficeStatus status) {
        if (!inScope) {
            return "notInScope";
        }
        if (!status.authorityFile()) {
            return "noAuthorityFile";
        }
        boolean complete = years(status) == 0 && (status.kindsNeverSeen() == null || status.kindsNeverSeen().isEmpty());
        return complete ? "covered" : "gaps";
    }

    private static int years(OfficeStatus status) {
        return status.gaps() == null ? 0 : status.gaps().stream().mapToInt(r -> r.to() - r.from() + 1).sum();
    }

    private static List<Activated> activated(Connection connection, String office) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, produced_on, activated_at, coalesce(set_size, records_total) FROM edition
                WHERE office = ? AND activated_at IS NOT NULL AND status IN ('active', 'superseded')
                ORDER BY activated_at DESC, id DESC LIMIT ?""")) {
            select.setString(1, office);
            select.setInt(2, HISTORY);
            List<Activated> editions = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    java.sql.Date produced = row.getDate(2);
                    editions.add(new Activated(row.getLong(1), produced == null ? null : produced.toLocalDate(),
                            row.getTimestamp(3).toInstant(), row.getLong(4)));
                }
            }
            Collections.reverse(editions);
            return editions;
        }
    }

    private static Map<Long, List<EditionCounts.Cell>> statistics(Connection connection, List<Activated> editions)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT edition_id, year, kind, records FROM edition_statistic WHERE edition_id = ANY (?)""")) {
            select.setArray(1, connection.createArrayOf("bigint", editions.stream().map(Activated::id).toArray()));
            Map<Long, List<EditionCounts.Cell>> cells = new HashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    int year = row.getInt(2);
                    cells.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(
                            new EditionCounts.Cell(year == 0 ? null : year, row.getString(3), row.getLong(4)));
                }
            }
            return cells;
        }
    }

    private record Activated(long id, LocalDate producedOn, Instant activatedAt, long records) {
    }
}
