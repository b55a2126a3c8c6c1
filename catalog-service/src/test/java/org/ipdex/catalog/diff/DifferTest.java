package org.ipdex.catalog.diff;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.ipdex.catalog.spec.ParsedSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Direction awareness and OpenAPI 3.1, on small inline specs. */
class DifferTest {

    /** One 3.1 operation whose request and response both use {@code Pet}; {@code %s} are the Pet properties. */
    private static final String SPEC = """
            openapi: 3.1.0
            info: {title: Pets, version: 1.0.0}
            paths:
              /v1/pets:
                post:
                  parameters:%s
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/NewPet'}
                  responses:
                    '201':
                      description: created
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Pet'}
            components:
              schemas:
                NewPet:
                  type: object
                  properties:%s
                Pet:
                  type: object
                  required: [id]
                  properties:
                    id: {type: string}
                    parent: {$ref: '#/components/schemas/Pet'}%s
            """;

    private static final String NO_PARAMS = " []";
    // plain strings, not text blocks: these lines go inside SPEC at its indentation
    private static final String NEW_PET = "\n        name: {type: string}"
            + "\n        kind: {type: [string, \"null\"], enum: [cat, dog, bird]}";
    private static final String PET = "\n        name: {type: string}"
            + "\n        kind: {type: string, enum: [cat, dog, bird]}";

    private final Differ differ = new Differ();

    @Test
    void identicalSpecsHaveNoChangesEvenWithARecursiveSchema() {
        DiffReport report = diff(SPEC.formatted(NO_PARAMS, NEW_PET, PET), SPEC.formatted(NO_PARAMS, NEW_PET, PET));
        assertEquals(Verdict.NO_CHANGES, report.verdict());
    }

    @Test
    void aFieldRemovedFromTheRequestBreaksNothingButFromTheResponseItMay() {
        DiffReport request = diff(SPEC.formatted(NO_PARAMS, NEW_PET, PET),
                SPEC.formatted(NO_PARAMS, NEW_PET.replace("\n        name: {type: string}", ""), PET));
        assertEquals(Verdict.NON_BREAKING, request.verdict(), request.changes().toString());
        Change removed = only(request.changes(), "request.property.removed");
        assertEquals(Direction.REQUEST, removed.direction());
        assertEquals("/paths/~1v1~1pets/post/requestBody/content/application~1json/schema/properties/name",
                removed.pointer());

        DiffReport response = diff(SPEC.formatted(NO_PARAMS, NEW_PET, PET),
                SPEC.formatted(NO_PARAMS, NEW_PET, PET.replace("\n        name: {type: string}", "")));
        assertEquals(Verdict.POSSIBLY_BREAKING, response.verdict());
        assertEquals("Optional property 'name' of the 201 response of POST /v1/pets (application/json) was removed",
                only(response.changes(), "response.property.removed").message());
    }

    @Test
    void removingARequiredResponseFieldBreaksAndRecursionStaysFinite() {
        DiffReport report = diff(SPEC.formatted(NO_PARAMS, NEW_PET, PET),
                SPEC.formatted(NO_PARAMS, NEW_PET, PET).replace("required: [id]", "required: [id, name]"));
        assertEquals(Verdict.NON_BREAKING, report.verdict(), "a response field that becomes required breaks no one");
        DiffReport removed = diff(SPEC.formatted(NO_PARAMS, NEW_PET, PET).replace("required: [id]", "required: [id, name]"),
                SPEC.formatted(NO_PARAMS, NEW_PET, PET.replace("\n        name: {type: string}", "")));
        assertEquals(Verdict.BREAKING, removed.verdict());
    }

    @Test
    void aNewRequiredParameterBreaksAnOptionalOneDoesNot() {
        String required = "\n        - {name: shelter, in: query, required: true, schema: {type: string}}";
        assertEquals(Verdict.BREAKING, diff(SPEC.formatted(NO_PARAMS, NEW_PET, PET),
                SPEC.formatted(required, NEW_PET, PET)).verdict());
        DiffReport optional = diff(SPEC.formatted(NO_PARAMS, NEW_PET, PET),
                SPEC.formatted(required.replace("true", "false"), NEW_PET, PET));
        assertEquals(Verdict.NON_BREAKING, optional.verdict());
        assertEquals("/paths/~1v1~1pets/post/parameters/0", only(optional.changes(), "parameter.added").pointer());
    }

    @Test
    void narrowingAnEnumBreaksRequestsWideningOneMayBreakResponses() {
        DiffReport narrowed = diff(SPEC.formatted(NO_PARAMS, NEW_PET, PET),
                SPEC.formatted(NO_PARAMS, NEW_PET.replace(", bird]", "]"), PET.replace(", bird]", "]")));
        assertEquals(Classification.BREAKING, only(narrowed.changes(), "request.schema.enum.narrowed").classification());
        assertEquals(Classification.NON_BREAKING, only(narrowed.changes(), "response.schema.enum.narrowed").classification());

        DiffReport widened = diff(SPEC.formatted(NO_PARAMS, NEW_PET, PET),
                SPEC.formatted(NO_PARAMS, NEW_PET.replace("bird]", "bird, fish]"), PET.replace("bird]", "bird, fish]")));
        assertEquals(Classification.NON_BREAKING, only(widened.changes(), "request.schema.enum.widened").classification());
        assertEquals(Classification.POSSIBLY_BREAKING, only(widened.changes(), "response.schema.enum.widened").classification());
    }

    @Test
    void aTypeChangeIn31TypeArraysBreaks() {
        DiffReport report = diff(SPEC.formatted(NO_PARAMS, NEW_PET, PET),
                SPEC.formatted(NO_PARAMS, NEW_PET.replace("type: [string, \"null\"]", "type: [integer, \"null\"]"), PET));
        assertEquals(Verdict.BREAKING, report.verdict());
        assertTrue(only(report.changes(), "request.schema.type.changed").message().contains("from string to integer"));
    }

    @Test
    void removedAndAddedOperationsAndSecurity() {
        String base = SPEC.formatted(NO_PARAMS, NEW_PET, PET);
        String withGet = base.replace("  /v1/pets:\n", "  /v1/pets/{petId}:\n    get:\n      responses:\n"
                + "        '200': {description: ok}\n  /v1/pets:\n");
        assertEquals(Verdict.NON_BREAKING, diff(base, withGet).verdict());
        DiffReport removed = diff(withGet, base);
        assertEquals("GET /v1/pets/{petId} was removed", removed.changes().get(0).message().replaceFirst("^Path .* with ", ""));
        assertEquals(Verdict.BREAKING, removed.verdict());
        String secured = base.replace("paths:", "security: [{key: []}]\npaths:")
                .replace("components:\n", "components:\n  securitySchemes: {key: {type: http, scheme: bearer}}\n");
        assertEquals("security.added", diff(base, secured).changes().get(0).kind());
        assertEquals(Verdict.NON_BREAKING, diff(secured, base).verdict());
    }

    private DiffReport diff(String before, String after) {
        return differ.diff(parse(before), parse(after));
    }

    private static ParsedSpec parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        return new ParsedSpec(new OpenAPIParser().readContents(text, null, options).getOpenAPI(), "{}", "openapi-3.1.0");
    }

    private static Change only(List<Change> changes, String kind) {
        List<Change> found = changes.stream().filter(c -> c.kind().equals(kind)).toList();
        assertEquals(1, found.size(), kind + " in " + changes);
        return found.get(0);
    }
}
