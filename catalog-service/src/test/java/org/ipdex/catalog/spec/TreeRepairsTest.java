package org.ipdex.catalog.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Each construct swagger-parser 2.1.48 throws on or drops, mended in a copy; data and the original untouched. */
class TreeRepairsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESPONSE = """
            swagger: "2.0"
            info: {title: T, version: "1"}
            paths:
              /a:
                get:
                  responses: {200: {description: ok, schema: %s}}
            """;

    /** Every one of these made SwaggerConverter throw a NullPointerException before. */
    @Test
    void aResponseSchemaWithATypeThatIsNoneIsRead() {
        for (String schema : List.of("{type: File}", "{type: date}", "{type: \"null\"}", "{type: any}",
                "{type: \"\"}", "{type: 5}")) {
            ParsedSpec spec = new SpecParser().parse(RESPONSE.formatted(schema).getBytes());
            assertEquals(1, spec.warnings().size(), spec.warnings()::toString);
            assertEquals(true, spec.warnings().get(0).startsWith(
                    "the document#/paths/~1a/get/responses/200/schema: type "), spec.warnings()::toString);
        }
    }

    @Test
    void anEnumOfAnotherShapeThanItsFormatIsKeptAsWritten() {
        for (String schema : List.of("{type: string, format: date, enum: [\"2016_01_28\"]}",
                "{type: string, format: date-time, enum: [yesterday]}", "{type: string, format: uuid, enum: [nope]}")) {
            ParsedSpec spec = new SpecParser().parse(RESPONSE.formatted(schema).getBytes());
            assertEquals(1, spec.warnings().size(), spec.warnings()::toString);
            assertEquals(1, spec.model().getPaths().get("/a").getGet().getResponses().get("200").getContent()
                    .get("*/*").getSchema().getEnum().size(), "the value is not dropped");
        }
    }

    @Test
    void dataIsNotMendedButAPropertyNamedLikeDataIs() throws Exception {
        JsonNode tree = JSON.readTree("""
                {"swagger": "2.0", "definitions": {"A": {"type": "object",
                  "example": {"type": "Book", "format": "date", "enum": ["x"]},
                  "properties": {"example": {"type": "String"}}}}}""");
        TreeRepairs.Repaired repaired = TreeRepairs.apply("a.json", tree, "swagger-2.0");
        assertEquals(List.of("a.json#/definitions/A/properties/example: type \"String\" is not a Swagger 2.0 type; "
                + "read as \"string\""), repaired.warnings());
        assertEquals("String", tree.at("/definitions/A/properties/example/type").asText(), "the original is kept");
        assertEquals("string", repaired.tree().at("/definitions/A/properties/example/type").asText());
        assertEquals("Book", repaired.tree().at("/definitions/A/example/type").asText());
    }

    @Test
    void aSoundTreeIsHandedOnAsItIs() throws Exception {
        JsonNode tree = JSON.readTree("{\"openapi\": \"3.0.3\", \"components\": {\"schemas\": {\"A\": {\"type\": \"File\"}}}}");
        TreeRepairs.Repaired repaired = TreeRepairs.apply("a.json", tree, "openapi-3.0.3");
        assertSame(tree, repaired.tree(), "OpenAPI 3 keeps such a type as written: nothing to mend, nothing copied");
        assertEquals(List.of(), repaired.warnings());
    }
}
