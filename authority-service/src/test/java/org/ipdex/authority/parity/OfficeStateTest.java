package org.ipdex.authority.parity;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.ipdex.authority.AuthorityApi;
import org.ipdex.authority.AuthorityTest;
import org.ipdex.authority.fixture.AuthorityFixtures;
import org.ipdex.authority.fixture.AuthorityFixtures.Rec;
import org.ipdex.common.parity.OfficeState;
import org.ipdex.common.parity.SetChecksum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /internal/v1/officeStates}: what search-service's parity check compares each authority index with. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficeStateTest extends AuthorityTest {

    private static final String STATES = "/internal/v1/officeStates";

    @Inject
    DataSource dataSource;

    @Test
    void theChecksumIsTheSameForTheSameSetInAnyOrderAndChangesWithOneNumber() {
        List<Rec> records = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            records.add(Rec.of("EP" + (1_000_000 + i), i % 3 == 0 ? "B1" : "A1", "2020-01-01"));
        }
        long first = AuthorityFixtures.activeEdition(dataSource, "EP", LocalDate.of(2024, 1, 1), records);
        JsonNode before = office("EP");
        assertEquals(first, before.get("editionId").getLongValue());
        assertEquals(500, before.get("recordCount").getLongValue());
        SetChecksum expected = new SetChecksum();
        records.forEach(rec -> expected.add(OfficeState.recordMember(rec.number(), rec.kind())));
        assertEquals(expected.value(), before.get("recordChecksum").getStringValue(),
                "the SQL hash is the one search-service computes in Java");

        List<Rec> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled);
        long second = AuthorityFixtures.activeEdition(dataSource, "EP", LocalDate.of(2024, 2, 1), shuffled);
        JsonNode same = office("EP");
        assertEquals(second, same.get("editionId").getLongValue());
        assertEquals(before.get("recordChecksum").getStringValue(), same.get("recordChecksum").getStringValue(),
                "same set, another order");

        List<Rec> oneChanged = new ArrayList<>(records);
        oneChanged.set(250, Rec.of("EP1999999", records.get(250).kind(), "2020-01-01"));
        AuthorityFixtures.activeEdition(dataSource, "EP", LocalDate.of(2024, 3, 1), oneChanged);
        JsonNode changed = office("EP");
        assertEquals(500, changed.get("recordCount").getLongValue());
        assertNotEquals(before.get("recordChecksum").getStringValue(), changed.get("recordChecksum").getStringValue(),
                "one number changed");
    }

    @Test
    void onlyServicesMayReadIt() {
        AuthorityApi.Answer anonymous = api.getAs(STATES, "");
        assertEquals(401, anonymous.status(), anonymous.body());
        assertTrue(anonymous.contentType().startsWith("application/problem+json"), anonymous.contentType());
        assertEquals(403, api.getAs(STATES, api.publicToken()).status());
        assertEquals(403, api.getAs(STATES, api.adminToken()).status());
    }

    private JsonNode office(String code) {
        AuthorityApi.Answer answer = api.getAs(STATES, tokens.forThisService());
        assertEquals(200, answer.status(), answer.body());
        for (JsonNode office : answer.node().get("items").values()) {
            if (office.get("office").getStringValue().equals(code)) {
                return office;
            }
        }
        throw new AssertionError("no state for " + code + ": " + answer.body());
    }
}
