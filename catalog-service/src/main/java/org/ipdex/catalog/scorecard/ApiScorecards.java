package org.ipdex.catalog.scorecard;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an office's scorecard in three set-based queries (its APIs, all their versions, the probe checks of the
 * last 12 months grouped by API and month), however many APIs the office has. Months are UTC calendar months.
 */
@Singleton
class ApiScorecards {

    static final int MONTHS = 12;
    private static final Duration UPTIME_WINDOW = Duration.ofDays(30);

    private final DataSource dataSource;
    private final Clock clock = Clock.systemUTC();

    ApiScorecards(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource); // plain pooled connections
    }

    /**
     * The office's scorecard; an office without APIs has an empty one (whether an office exists is the gateway's to
     * say: it keeps the offices).
     */
    CatalogScorecard of(String office) {
        Instant now = clock.instant();
        YearMonth first = YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(MONTHS - 1);
        Instant since = start(first);
        try (Connection connection = dataSource.getConnection()) {
            Map<String, ApiRow> apis = apis(connection, office);
            Map<String, List<ApiScorecard.ScorePoint>> versions = versions(connection, office);
            Map<String, Map<String, long[]>> checks = checks(connection, office, since);
            Map<String, long[]> recent = recentChecks(connection, office, now.minus(UPTIME_WINDOW));
            List<ApiScorecard> cards = new ArrayList<>();
            for (ApiRow api : apis.values()) {
                cards.add(card(api, versions.getOrDefault(api.id(), List.of()),
                        checks.getOrDefault(api.id(), Map.of()), recent.get(api.id()), first));
            }
            return new CatalogScorecard(office, now, cards);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the scorecard of " + office, e);
        }
    }

    private static ApiScorecard card(ApiRow api, List<ApiScorecard.ScorePoint> history, Map<String, long[]> byMonth,
                                     long[] recent, YearMonth first) {
        Instant since = start(first);
        ApiScorecard.ScorePoint latest = history.stream().filter(p -> p.version() == api.latestVersion())
                .findFirst().orElse(null);
        Map<String, Integer> breaking = new HashMap<>();
        int breakingTotal = 0;
        for (ApiScorecard.ScorePoint point : history) {
            if (point.breakingChange() && !point.at().isBefore(since)) {
                breaking.merge(YearMonth.from(point.at().atZone(ZoneOffset.UTC)).toString(), 1, Integer::sum);
                breakingTotal++;
            }
        }
        List<ApiScorecard.MonthCount> breakingByMonth = new ArrayList<>();
        List<ApiScorecard.UptimeMonth> uptime = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            String month = first.plusMonths(i).toString();
            breakingByMonth.add(new ApiScorecard.MonthCount(month, breaking.getOrDefault(month, 0)));
            long[] counts = byMonth.getOrDefault(month, new long[2]);
            uptime.add(new ApiScorecard.UptimeMonth(month, counts[0], counts[1], percent(counts)));
        }
        return new ApiScorecard(api.id(), api.title(), api.lifecycle(), api.latestVersion(),
                latest == null ? null : latest.score(), latest == null ? null : latest.level(), api.endpointStatus(),
                breakingTotal, recent == null ? null : percent(recent), history, breakingByMonth, uptime);
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** Up checks out of all, one decimal; null without checks. */
    static Double percent(long[] checksAndUp) {
        return checksAndUp[0] == 0 ? null : Math.round(1000.0 * checksAndUp[1] / checksAndUp[0]) / 10.0;
    }

    private static Map<String, ApiRow> apis(Connection connection, String office) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, title, lifecycle, latest_version, endpoint_status FROM api WHERE office_code = ?
                ORDER BY id""")) {
            select.setString(1, office);
            Map<String, ApiRow> apis = new LinkedHashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    apis.put(row.getString(1), new ApiRow(row.getString(1), row.getString(2), row.getString(3),
                            row.getInt(4), row.getString(5)));
                }
            }
            return apis;
        }
    }

    private static Map<String, List<ApiScorecard.ScorePoint>> versions(Connection connection, String office)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT v.api_id, v.number, v.created_at, v.st90_score, v.st90_level, v.breaking_change
                FROM api_version v JOIN api a ON a.id = v.api_id WHERE a.office_code = ?
                ORDER BY v.api_id, v.number""")) {
            select.setString(1, office);
            Map<String, List<ApiScorecard.ScorePoint>> versions = new HashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    int score = row.getInt(4);
                    Integer st90 = row.wasNull() ? null : score;
                    versions.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(
                            new ApiScorecard.ScorePoint(row.getInt(2), row.getTimestamp(3).toInstant(), st90,
                                    row.getString(5), row.getBoolean(6)));
                }
            }
            return versions;
        }
    }

    /** API → month → {checks, up}. */
    private static Map<String, Map<String, long[]>> checks(Connection connection, String office, Instant since)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT c.api_id, to_char(date_trunc('month', c.checked_at AT TIME ZONE 'UTC'), 'YYYY-MM'),
                       count(*), count(*) FILTER (WHERE c.status = 'UP')
                FROM endpoint_check c JOIN api a ON a.id = c.api_id
                WHERE a.office_code = ? AND c.checked_at >= ? AND c.status <> 'REFUSED'
                GROUP BY 1, 2""")) {
            select.setString(1, office);
            select.setTimestamp(2, Timestamp.from(since));
            Map<String, Map<String, long[]>> checks = new HashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    checks.computeIfAbsent(row.getString(1), id -> new HashMap<>())
                            .put(row.getString(2), new long[] {row.getLong(3), row.getLong(4)});
                }
            }
            return checks;
        }
    }

    private static Map<String, long[]> recentChecks(Connection connection, String office, Instant since)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT c.api_id, count(*), count(*) FILTER (WHERE c.status = 'UP')
                FROM endpoint_check c JOIN api a ON a.id = c.api_id
                WHERE a.office_code = ? AND c.checked_at >= ? AND c.status <> 'REFUSED'
                GROUP BY 1""")) {
            select.setString(1, office);
            select.setTimestamp(2, Timestamp.from(since));
            Map<String, long[]> recent = new HashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    recent.put(row.getString(1), new long[] {row.getLong(2), row.getLong(3)});
                }
            }
            return recent;
        }
    }

    private record ApiRow(String id, String title, String lifecycle, int latestVersion, String endpointStatus) {
    }
}
