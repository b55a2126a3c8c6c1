package org.ipdex.catalog.scorecard;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.ipdex.catalog.api.RegistrationResponse;
import org.ipdex.catalog.support.CatalogTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue's half of an office's scorecard on a real PostgreSQL: versions and probe checks are moved back in
 * time with SQL, so the 12-month and 30-day windows, the months and the uptime shares have known answers.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardTest extends CatalogTest {

    private static final String V1 = """
            openapi: 3.0.3
            info: {title: Scorecard Events, version: "1.0.0", description: Events of applications}
            servers: [{url: "https://api.example.org/v1"}]
            paths:
              /events:
                get:
                  operationId: listEvents
                  responses: {'200': {description: Events}}
              /applications:
                get:
                  operationId: listApplications
                  responses: {'200': {description: Applications}}
              /designs:
                get:
                  operationId: listDesigns
                  responses: {'200': {description: Designs}}
            """;
    /** Drops /applications: breaking. */
    private static final String V2 = V1.replace("1.0.0", "2.0.0").replace("""
              /applications:
                get:
                  operationId: listApplications
                  responses: {'200': {description: Applications}}
            """, "");
    /** Drops /designs as well: breaking again. */
    private static final String V3 = V2.replace("2.0.0", "3.0.0").replace("""
              /designs:
                get:
                  operationId: listDesigns
                  responses: {'200': {description: Designs}}
            """, "");

    private String events;
    private String quiet;
    private YearMonth twoMonthsAgo;

    @BeforeAll
    void register() throws SQLException {
        events = register(V1, "QA").api().apiId();
        assertTrue(add(events, V2).breakingChange());
        RegistrationResponse third = add(events, V3);
        assertTrue(third.breakingChange());
        quiet = register(V1.replace("Scorecard Events", "Quiet Register"), "QA").api().apiId();
        register(V1.replace("Scorecard Events", "Other Office Events"), "OM");

        twoMonthsAgo = YearMonth.now(ZoneOffset.UTC).minusMonths(2);
        String inTwoMonthsAgo = "timestamptz '" + twoMonthsAgo.atDay(4) + " 12:00:00+00'";
        try (Connection connection = harness.connection(); Statement sql = connection.createStatement()) {
            sql.execute("UPDATE api_version SET created_at = now() - interval '500 days' WHERE api_id = '" + events + "' AND number = 1");
            sql.execute("UPDATE api_version SET created_at = now() - interval '400 days' WHERE api_id = '" + events + "' AND number = 2");
            sql.execute("UPDATE api_version SET created_at = " + inTwoMonthsAgo + " WHERE api_id = '" + events + "' AND number = 3");
            String insert = "INSERT INTO endpoint_check (api_id, url, status, checked_at) VALUES ('" + events
                    + "', 'https://api.example.org/v1', ";
            for (String status : List.of("UP", "UP", "UP", "DOWN", "REFUSED")) {
                sql.execute(insert + "'" + status + "', now() - interval '1 hour')");
            }
            sql.execute(insert + "'UP', " + inTwoMonthsAgo + ")");
            sql.execute(insert + "'UP', " + inTwoMonthsAgo + ")");
            sql.execute(insert + "'DOWN', now() - interval '400 days')");
        }
    }

    @Test
    void everyApiOfTheOfficeWithItsScoreBreakingChangesAndUptime() {
        CatalogScorecard card = scorecard("qa");

        assertEquals("QA", card.office());
        assertEquals(List.of(events, quiet).stream().sorted().toList(), card.apis().stream().map(ApiScorecard::apiId).toList(),
                "the office's APIs in id order, no other office's");
        ApiScorecard api = card.apis().stream().filter(a -> a.apiId().equals(events)).findFirst().orElseThrow();
        assertEquals(3, api.latestVersion());
        assertEquals(List.of(1, 2, 3), api.st90History().stream().map(ApiScorecard.ScorePoint::version).toList());
        assertNotNull(api.st90Score(), "every version is linted when it arrives");
        assertEquals(harness.text("SELECT st90_score::text FROM api_version WHERE api_id = '" + events
                + "' AND number = 3"), String.valueOf(api.st90Score()));
        assertEquals(api.st90History().get(2).level(), api.st90Level());

        assertEquals(1, api.breakingChanges12Months(), "version 2's break is 400 days old: outside the 12 months");
        assertEquals(12, api.breakingChangesByMonth().size());
        assertEquals(YearMonth.now(ZoneOffset.UTC).toString(), api.breakingChangesByMonth().get(11).month());
        assertEquals(1, api.breakingChangesByMonth().get(9).count(), twoMonthsAgo + " " + api.breakingChangesByMonth());
        assertEquals(twoMonthsAgo.toString(), api.breakingChangesByMonth().get(9).month());
        assertEquals(1, api.breakingChangesByMonth().stream().mapToInt(ApiScorecard.MonthCount::count).sum());

        assertEquals(75.0, api.uptimePercent30Days(), "3 of 4 checks up; the refused one is not counted");
        ApiScorecard.UptimeMonth now = api.uptimeByMonth().get(11);
        assertEquals(4, now.checks());
        assertEquals(3, now.up());
        assertEquals(75.0, now.percent());
        ApiScorecard.UptimeMonth then = api.uptimeByMonth().get(9);
        assertEquals(2, then.checks());
        assertEquals(100.0, then.percent());
        assertNull(api.uptimeByMonth().get(10).percent(), "a month without checks has no share, not 0 %");
        assertEquals(6, api.uptimeByMonth().stream().mapToLong(ApiScorecard.UptimeMonth::checks).sum(),
                "the 400-day-old check is outside the 12 months");

        ApiScorecard silent = card.apis().stream().filter(a -> a.apiId().equals(quiet)).findFirst().orElseThrow();
        assertNull(silent.uptimePercent30Days());
        assertEquals(0, silent.breakingChanges12Months());
        assertEquals(1, silent.st90History().size());
    }

    @Test
    void anOfficeWithoutApisHasAnEmptyScorecardAndABadCodeIsRefused() {
        CatalogScorecard none = scorecard("BH");
        assertEquals("BH", none.office());
        assertNull(none.apis(), "no APIs: the list is left out, as serde leaves out every empty value");
        assertTrue(harness.problem(HttpRequest.GET("/api/v1/catalog/offices/Q1/scorecard")
                .bearerAuth(harness.anonymous()), 400).detail().contains("ST.3"));
    }

    private CatalogScorecard scorecard(String office) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/v1/catalog/offices/" + office + "/scorecard")
                .bearerAuth(harness.anonymous()), CatalogScorecard.class);
    }

    private RegistrationResponse register(String spec, String office) {
        return harness.exchange(harness.upload(spec.getBytes(), MediaType.APPLICATION_YAML, harness.office(office)),
                RegistrationResponse.class).body();
    }

    private RegistrationResponse add(String apiId, String spec) {
        return harness.exchange(harness.newVersion(apiId, spec.getBytes(), MediaType.APPLICATION_YAML,
                harness.office("QA")), RegistrationResponse.class).body();
    }
}
