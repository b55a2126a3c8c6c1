package org.ipdex.catalog.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.ipdex.catalog.api.RegistrationResponse;
import org.ipdex.catalog.lint.LintReport;
import org.ipdex.catalog.lint.Violation;
import org.ipdex.catalog.support.CatalogHarness;
import org.ipdex.catalog.support.CatalogTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.ipdex.catalog.support.CatalogHarness.APIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real specs whose defects swagger-parser 2.1.48 throws on (or silently drops) register: the defect is mended in
 * the parser's copy, said as a warning with its pointer, and where it is an ST.90 matter reported by lint.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParserRepairsTest extends CatalogTest {

    /** The parser threw "Cannot deserialize value of type `java.util.Date`" on the enum; it dropped the example. */
    private static final String DATES = """
            swagger: "2.0"
            info: {title: Filings, version: "1"}
            paths:
              /filings:
                get:
                  responses:
                    200: {description: ok, schema: {$ref: "#/definitions/Filing"}}
            definitions:
              Filing:
                type: object
                properties:
                  filingDate:
                    type: string
                    format: date
                    example: "2016_01_28"
                  kind:
                    type: string
                    format: date
                    enum: ["2016_01_28", "2016-02-01"]
            """;

    /**
     * As in a 144-path Swagger 2.0 spec: response schemas with a {@code type} that is none. The converter failed with
     * {@code Cannot invoke "…Schema.getType()" because "schema" is null} and dropped such a definition silently.
     */
    private static final String TYPES = """
            swagger: "2.0"
            info: {title: Downloads, version: "1"}
            paths:
              /downloads/{downloadId}:
                get:
                  parameters: [{name: downloadId, in: path, required: true, type: string}]
                  responses:
                    200: {description: the file, schema: {type: File}}
                    404: {description: none, schema: {type: any}}
              /reports:
                get:
                  responses:
                    200: {description: ok, schema: {$ref: "#/definitions/Report"}}
            definitions:
              Report: {type: Object, properties: {title: {type: String}}}
            """;

    @Test
    void aDateEnumOrExampleThatIsNoDateRegistersAndLintSaysWhereItIs() {
        HttpResponse<RegistrationResponse> created = register(DATES);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        assertEquals(List.of("the document#/definitions/Filing/properties/kind: enum value \"2016_01_28\" is not a "
                + "date (format date); read as a plain string enum"), created.body().warnings());

        LintReport report = harness.exchange(HttpRequest.GET(APIS + "/ep-filings/versions/1/lint")
                .bearerAuth(harness.anonymous()), LintReport.class).body();
        List<Violation> dates = report.violations().stream()
                .filter(v -> v.ruleId().equals("st90.formats.date-values")).toList();
        assertEquals(List.of("/definitions/Filing/properties/filingDate/example",
                "/definitions/Filing/properties/kind/enum/0"), dates.stream().map(Violation::pointer).toList());
        assertEquals("Example \"2016_01_28\" is not an ISO 8601 date (format date), such as 2016-01-28",
                dates.get(0).message());
        assertEquals(List.of(15L, 19L), dates.stream().map(v -> v.line().longValue()).toList(),
                "the lines of the original file");

        JsonNode normalised = CatalogHarness.json(harness.get(APIS + "/ep-filings/versions/1/spec?form=normalised",
                harness.anonymous()));
        assertEquals("[\"2016_01_28\",\"2016-02-01\"]",
                normalised.at("/components/schemas/Filing/properties/kind/enum").toString(), "the enum as written");
    }

    @Test
    void aSchemaTypeThatIsNoTypeRegistersWithAWarningAndLosesNoDefinition() {
        HttpResponse<RegistrationResponse> created = register(TYPES);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        List<String> warnings = created.body().warnings();
        assertTrue(warnings.contains("the document#/paths/~1downloads~1{downloadId}/get/responses/200/schema: type "
                + "\"File\" is not a Swagger 2.0 type; read as \"file\""), warnings::toString);
        assertTrue(warnings.contains("the document#/paths/~1downloads~1{downloadId}/get/responses/404/schema: type "
                + "\"any\" is not a Swagger 2.0 type; read as a schema of any type"), warnings::toString);
        assertEquals(4, warnings.size(), warnings::toString);

        JsonNode normalised = CatalogHarness.json(harness.get(APIS + "/ep-downloads/versions/1/spec?form=normalised",
                harness.anonymous()));
        assertEquals("object", normalised.at("/components/schemas/Report/type").asText(), normalised::toString);
        assertEquals("string", normalised.at("/components/schemas/Report/properties/title/type").asText());
    }

    @Test
    void aRefusedSpecNeverQuotesAnExceptionOfALibrary() {
        String broken = TYPES.replace("title: Downloads", "title: Broken").replace("$ref: \"#/definitions/Report\"",
                "$ref: \"#/definitions/Missing\"");
        String detail = harness.problem(harness.upload(broken.getBytes(), MediaType.APPLICATION_YAML,
                harness.office("EP")), 400).detail();
        assertTrue(detail.contains("/paths/~1reports/get/responses/200/schema/$ref"), detail);
        assertFalse(detail.matches("(?s).*(Exception|Cannot invoke|java\\.|io\\.swagger).*"), detail);
    }

    private HttpResponse<RegistrationResponse> register(String spec) {
        return harness.exchange(harness.upload(spec.getBytes(), MediaType.APPLICATION_YAML, harness.office("EP")),
                RegistrationResponse.class);
    }
}
