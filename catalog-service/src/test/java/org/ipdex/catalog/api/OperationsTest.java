package org.ipdex.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.ipdex.catalog.support.CatalogHarness;
import org.ipdex.catalog.support.CatalogTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operations travel to search with their parameter names and the property names of their schemas. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsTest extends CatalogTest {

    @Test
    void propertyNamesAreFoundThroughReferencesCyclesIncluded() {
        String spec = """
                openapi: 3.0.3
                info: {title: Legal status, version: "1"}
                paths:
                  /applications/{applicationNumber}/legalStatus:
                    parameters:
                      - {name: applicationNumber, in: path, required: true, schema: {type: string}}
                    post:
                      operationId: queryLegalStatus
                      summary: Legal status of an application
                      tags: [status]
                      parameters:
                        - $ref: '#/components/parameters/Lang'
                      requestBody:
                        $ref: '#/components/requestBodies/StatusQuery'
                      responses:
                        '200':
                          $ref: '#/components/responses/Status'
                components:
                  parameters:
                    Lang: {name: lang, in: query, schema: {type: string}}
                  requestBodies:
                    StatusQuery:
                      content:
                        application/json:
                          schema: {type: object, properties: {asOfDate: {type: string, format: date}}}
                  responses:
                    Status:
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/LegalStatus'}
                  schemas:
                    LegalStatus:
                      allOf:
                        - $ref: '#/components/schemas/Event'
                        - type: object
                          properties:
                            statusCode: {type: string}
                            events: {type: array, items: {$ref: '#/components/schemas/Event'}}
                    Event:
                      type: object
                      properties:
                        eventDate: {type: string}
                        previous: {$ref: '#/components/schemas/Event'}
                        party: {$ref: '#/components/schemas/Party'}
                    Party:
                      type: object
                      properties:
                        applicantName: {type: string}
                """;
        RegistrationResponse created = harness.exchange(harness.upload(spec.getBytes(), MediaType.APPLICATION_YAML,
                harness.office("EP")), RegistrationResponse.class).body();

        JsonNode operation = harness.feedEvents(created.api().apiId()).get(0).path("data").path("operations").get(0);
        assertEquals("queryLegalStatus", operation.path("operationId").asText());
        assertEquals(List.of("applicationNumber", "lang"), strings(operation.path("parameters")));
        assertEquals(List.of("asOfDate"), strings(operation.path("requestProperties")));
        List<String> response = strings(operation.path("responseProperties"));
        assertTrue(response.containsAll(List.of("eventDate", "previous", "party", "applicantName", "statusCode",
                "events")), "three references deep, through allOf and a cycle: " + response);
    }

    @Test
    void aLargeRealSpecKeepsItsDocumentsBounded() {
        RegistrationResponse created = harness.exchange(harness.upload(CatalogHarness.usptoZip(), "application/zip",
                harness.office("US")), RegistrationResponse.class).body();
        JsonNode operations = harness.feedEvents(created.api().apiId()).get(0).path("data").path("operations");
        assertEquals(53, operations.size(), "every operation of the bundle");
        boolean found = false;
        for (JsonNode operation : operations) {
            assertTrue(operation.path("responseProperties").size() <= 300);
            found |= strings(operation.path("responseProperties")).contains("applicationNumberText");
        }
        assertTrue(found, "a property nested in odp-common-base.yaml is searchable");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }
}
