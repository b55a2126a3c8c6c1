package org.ipdex.authority.scope;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.ipdex.authority.AuthorityApi;
import org.ipdex.authority.AuthorityTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authority file's half of an office's scorecard on a real PostgreSQL: two editions of one office, the first
 * with a gap year and a kind missing, the second complete, judged against a scope set for the test; their produced
 * and activation dates are moved back with SQL so the ages have known values.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardTest extends AuthorityTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    DataSource dataSource;

    private long first;
    private long second;

    @BeforeAll
    void twoEditions() throws SQLException {
        client.toBlocking().exchange(HttpRequest.PUT("/api/v1/authority/scope", """
                {"entries": [{"office": "QA", "kinds": ["A1", "B1"], "fromYear": 2018, "toYear": 2020},
                             {"office": "OM", "kinds": ["A1"], "fromYear": 2000}]}""")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(api.adminToken()));
        first = upload(List.of("A1;20180105", "A1;20200105"));
        second = upload(List.of("A1;20180105", "A1;20190105", "B1;20200105", "A1;20200106"));
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("UPDATE edition SET produced_on = current_date - 130, activated_at = now() - interval '100 days' WHERE id = " + first);
            sql.execute("UPDATE edition SET produced_on = current_date - 12, activated_at = now() - interval '2 days' WHERE id = " + second);
        }
    }

    @Test
    void theActiveFileCoversTheScopeAndItsHistoryShowsTheGapItClosed() {
        AuthorityApi.Answer answer = api.get("/api/v1/authority/offices/qa/scorecard");
        assertEquals(200, answer.status(), answer.body());
        var card = answer.node();

        assertEquals("QA", card.get("office").getStringValue());
        assertTrue(card.get("inScope").getBooleanValue());
        assertEquals("covered", card.get("coverageStatus").getStringValue());
        assertEquals(second, card.get("current").get("activeEditionId").getLongValue());
        assertEquals(12, card.get("current").get("ageDays").getLongValue());
        assertEquals(4, card.get("current").get("recordCount").getLongValue());
        assertNotNull(card.get("activatedAt"));

        var history = card.get("history");
        assertEquals(2, history.size(), answer.body());
        var then = history.get(0);
        assertEquals(first, then.get("editionId").getLongValue());
        assertEquals(30, then.get("ageDaysAtActivation").getLongValue(), "produced 130 days ago, activated 100 days ago");
        assertEquals(1, then.get("gapYears").getIntValue(), "2019 had no record of a scope kind");
        assertEquals(1, then.get("kindsNeverSeen").getIntValue(), "no B1 at all");
        assertEquals("gaps", then.get("coverageStatus").getStringValue());
        assertEquals(2, then.get("records").getLongValue());
        var now = history.get(1);
        assertEquals(second, now.get("editionId").getLongValue());
        assertEquals(10, now.get("ageDaysAtActivation").getLongValue());
        assertEquals(0, now.get("gapYears").getIntValue());
        assertEquals("covered", now.get("coverageStatus").getStringValue());
    }

    @Test
    void officesWithoutAFileOrOutsideTheScopeSaySo() {
        var missing = api.get("/api/v1/authority/offices/OM/scorecard").node();
        assertEquals("noAuthorityFile", missing.get("coverageStatus").getStringValue());
        assertFalse(missing.get("current").get("authorityFile").getBooleanValue());
        assertNull(missing.get("history"), "no edition: the empty history is left out");

        var outside = api.get("/api/v1/authority/offices/QZ/scorecard").node();
        assertEquals("notInScope", outside.get("coverageStatus").getStringValue());
        assertFalse(outside.get("inScope").getBooleanValue());

        AuthorityApi.Answer bad = api.get("/api/v1/authority/offices/Q1/scorecard");
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.contentType().startsWith("application/problem+json"), bad.contentType());
    }

    private long upload(List<String> kindAndDate) {
        StringBuilder file = new StringBuilder("country;doc-number;kind;date;exception-code\n");
        int number = 1_000_000;
        for (String row : kindAndDate) {
            String[] parts = row.split(";");
            file.append("QA;").append(number++).append(';').append(parts[0]).append(';').append(parts[1]).append(";\n");
        }
        AuthorityApi.Answer answer = api.upload("QA", "layout=epo-csv&wait=true", file.toString().getBytes());
        assertTrue(answer.status() == 201 || answer.status() == 200, answer.body());
        assertEquals("active", answer.node().get("edition").get("status").getStringValue(), answer.body());
        return answer.editionId();
    }
}
