package org.ipdex.authority.ingest;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.ipdex.authority.AuthorityApi;
import org.ipdex.authority.AuthorityTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;


import static org.ipdex.authority.AuthorityApi.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each real layout, read end to end through the upload API into an active edition. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LayoutIngestTest extends AuthorityTest {

    @Test
    void st37XmlV2IsReadWithItsDefinitionsAndActivated() {
        AuthorityApi.Answer answer = api.upload("EP", "layout=st37-xml&wait=true", resource("ep-v2.xml"));
        assertEquals(201, answer.status(), answer.body());
        JsonNode edition = answer.node().get("edition");
        assertEquals("active", edition.get("status").getStringValue());
        assertEquals("full", edition.get("category").getStringValue());
        assertEquals("2024-07-01", edition.get("producedOn").getStringValue());
        assertEquals(5, edition.get("setSize").getLongValue());
        JsonNode summary = edition.get("summary");
        assertEquals(3, summary.get("byKind").get("A1").getLongValue());
        assertEquals(1, summary.get("byExceptionCode").get("W").getLongValue());
        assertEquals("EP1000000", summary.get("lowestNumber").getStringValue());
        assertEquals("EP1000004", summary.get("highestNumber").getStringValue());

        JsonNode report = api.get("/api/v1/authority/editions/" + answer.editionId() + "/report").node();
        assertEquals("file", report.get("definitionsFrom").getStringValue());
        assertEquals(0, report.get("recordsRejected").getLongValue());

        AuthorityApi.Answer again = api.upload("EP", "layout=st37-xml&wait=true", resource("ep-v2.xml"));
        assertEquals(200, again.status(), again.body());
        assertEquals("unchanged", again.node().get("outcome").getStringValue());
        assertEquals(answer.editionId(), again.editionId());
    }

    @Test
    void st37XmlV1IsReadToo() {
        AuthorityApi.Answer answer = api.upload("DE", "layout=st37-xml&wait=true",
                new String(resource("ep-v1.xml")).replace("EP", "DE").getBytes());
        assertEquals(201, answer.status(), answer.body());
        assertEquals(2, answer.node().get("edition").get("setSize").getLongValue());
        assertEquals("1978-12-20", answer.node().get("edition").get("summary").get("firstPublication").getStringValue());
    }

    @Test
    void epoCsvIsRead() {
        AuthorityApi.Answer answer = api.upload("FR", "layout=epo-csv&wait=true",
                new String(resource("ep.csv")).replace("EP;", "FR;").getBytes());
        assertEquals(201, answer.status(), answer.body());
        assertEquals(5, answer.node().get("edition").get("setSize").getLongValue());
    }

    @Test
    void usptoTsvIsReadWithItsStatusesAsExceptionCodes() {
        AuthorityApi.Answer answer = api.upload("US", "layout=uspto-tsv&wait=true", resource("us.tsv"));
        assertEquals(201, answer.status(), answer.body());
        JsonNode summary = answer.node().get("edition").get("summary");
        assertEquals(4, summary.get("records").getLongValue());
        assertEquals(1, summary.get("byExceptionCode").get("W").getLongValue());
        assertEquals(1, summary.get("byExceptionCode").get("MA").getLongValue());
        assertEquals("US20010000001", summary.get("lowestNumber").getStringValue());
    }

    @Test
    void anyDelimitedFileIsReadWithADeclaredMapping() {
        AuthorityApi.Answer answer = api.upload("GB",
                "layout=delimited&mapping=date,kind,number,office&delimiter=%7C&header=false&wait=true",
                new String(resource("mapped.txt")).replace("EP", "GB").getBytes());
        assertEquals(201, answer.status(), answer.body());
        assertEquals(2, answer.node().get("edition").get("setSize").getLongValue());
        AuthorityApi.Answer noMapping = api.upload("GB", "layout=delimited&wait=true", resource("mapped.txt"));
        assertEquals(400, noMapping.status(), noMapping.body());
        assertTrue(noMapping.contentType().startsWith("application/problem+json"));
    }
}
