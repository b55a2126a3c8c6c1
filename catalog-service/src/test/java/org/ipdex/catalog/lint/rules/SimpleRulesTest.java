package org.ipdex.catalog.lint.rules;

import org.ipdex.catalog.lint.LintRule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * The simplest rules, one row each: a spec that breaks the rule (with the expected pointer and message) and one that
 * complies. Rules with heuristics have their own test classes beside this one.
 */
class SimpleRulesTest {

    record Case(LintRule rule, String failing, String pointer, String message, String passing) {
        @Override
        public String toString() {
            return rule.info().id();
        }
    }

    /** A minimal 3.0 document: extra {@code info} fields (", key: value") and the paths block. */
    static String spec(String info, String paths) {
        return "openapi: 3.0.3\ninfo: {title: T, version: 1.0.0" + info + "}\npaths:\n" + paths;
    }

    /** Drops one whole line (with its indentation) from a block. */
    static String without(String block, String line) {
        return block.replaceFirst(" *" + java.util.regex.Pattern.quote(line) + "\n", "");
    }

    static final String OK_GET = """
              /v1/items:
                get:
                  operationId: listItems
                  summary: List
                  tags: [items]
                  responses:
                    '200': {description: ok}
                    '400': {description: bad}
                    '500': {description: down}
            """;

    static Stream<Case> cases() {
        return Stream.of(
                new Case(new NoTrailingSlashRule(), spec("", OK_GET.replace("/v1/items:", "/v1/items/:")),
                        "/paths/~1v1~1items~1", "Path '/v1/items/' ends with a slash", spec("", OK_GET)),
                new Case(new NoFileExtensionsRule(), spec("", OK_GET.replace("/v1/items:", "/v1/items.json:")),
                        "/paths/~1v1~1items.json", "Path '/v1/items.json' has the file extension '.json'", spec("", OK_GET)),
                new Case(new LowerCamelCasePathParametersRule(), spec("", OK_GET.replace("/v1/items:", "/v1/items/{item_id}:")),
                        "/paths/~1v1~1items~1{item_id}", "Path parameter '{item_id}' is not lowerCamelCase",
                        spec("", OK_GET.replace("/v1/items:", "/v1/items/{itemId}:"))),
                new Case(new LowerCamelCaseQueryParametersRule(), spec("", OK_GET.replace("      responses:",
                        "      parameters: [{name: page_size, in: query, schema: {type: integer}}]\n      responses:")),
                        "/paths/~1v1~1items/get/parameters/0/name", "Query parameter 'page_size' is not lowerCamelCase",
                        spec("", OK_GET.replace("      responses:",
                                "      parameters: [{name: pageSize, in: query, schema: {type: integer}}]\n      responses:"))),
                new Case(new NoBodyOnGetRule(), spec("", OK_GET.replace("      responses:",
                        "      requestBody: {content: {application/json: {schema: {type: object}}}}\n      responses:")),
                        "/paths/~1v1~1items/get/requestBody", "GET /v1/items has a request body", spec("", OK_GET)),
                new Case(new NoBodyOnDeleteRule(), spec("", OK_GET.replace("get:", "delete:").replace("'200'", "'204'")
                        .replace("      responses:", "      requestBody: {content: {application/json: {schema: {type: object}}}}\n      responses:")),
                        "/paths/~1v1~1items/delete/requestBody", "DELETE /v1/items has a request body",
                        spec("", OK_GET.replace("get:", "delete:").replace("'200'", "'204'"))),
                new Case(new DeleteStatusCodesRule(), spec("", OK_GET.replace("get:", "delete:").replace("'200'", "'201'")),
                        "/paths/~1v1~1items/delete/responses", "DELETE /v1/items declares none of 200, 202 or 204",
                        spec("", OK_GET.replace("get:", "delete:").replace("'200'", "'204'"))),
                new Case(new SuccessResponseRule(), spec("", without(OK_GET, "'200': {description: ok}")),
                        "/paths/~1v1~1items/get/responses", "GET /v1/items declares no 2xx or 3xx response", spec("", OK_GET)),
                new Case(new ClientErrorResponseRule(), spec("", without(OK_GET, "'400': {description: bad}")),
                        "/paths/~1v1~1items/get/responses", "GET /v1/items declares no 4xx (or default) response", spec("", OK_GET)),
                new Case(new ServerErrorResponseRule(), spec("", without(OK_GET, "'500': {description: down}")),
                        "/paths/~1v1~1items/get/responses", "GET /v1/items declares no 5xx (or default) response", spec("", OK_GET)),
                new Case(new StandardStatusCodesRule(), spec("", OK_GET.replace("'400'", "'499'")),
                        "/paths/~1v1~1items/get/responses/499", "Status code 499 is not a standard HTTP status code",
                        spec("", OK_GET)),
                new Case(new OperationIdRule(), spec("", without(OK_GET, "operationId: listItems")),
                        "/paths/~1v1~1items/get", "GET /v1/items has no operationId", spec("", OK_GET)),
                new Case(new OperationIdIdentifierRule(), spec("", OK_GET.replace("operationId: listItems", "operationId: list items")),
                        "/paths/~1v1~1items/get/operationId",
                        "operationId 'list items' of GET /v1/items is not an identifier (letters, digits, _)", spec("", OK_GET)),
                new Case(new OperationSummaryRule(), spec("", without(OK_GET, "summary: List")),
                        "/paths/~1v1~1items/get", "GET /v1/items has no summary", spec("", OK_GET)),
                new Case(new OperationTagsRule(), spec("", without(OK_GET, "tags: [items]")),
                        "/paths/~1v1~1items/get", "GET /v1/items has no tags", spec("", OK_GET)),
                new Case(new ParameterDescriptionRule(), spec("", OK_GET.replace("      responses:",
                        "      parameters: [{name: q, in: query, schema: {type: string}}]\n      responses:")),
                        "/paths/~1v1~1items/get/parameters/0", "Parameter 'q' of GET /v1/items has no description",
                        spec("", OK_GET.replace("      responses:",
                                "      parameters: [{name: q, in: query, description: Words, schema: {type: string}}]\n      responses:"))),
                new Case(new AcceptedLocationRule(), spec("", OK_GET.replace("'200'", "'202'")),
                        "/paths/~1v1~1items/get/responses/202",
                        "GET /v1/items answers 202 without a Location header or a body to follow the work",
                        spec("", OK_GET.replace("'200': {description: ok}",
                                "'202': {description: ok, headers: {Location: {schema: {type: string}}}}"))),
                new Case(new InfoTitleRule(), spec("", OK_GET).replace("title: T, ", "title: '', "),
                        "/info", "info.title is missing", spec("", OK_GET)),
                new Case(new InfoDescriptionRule(), spec("", OK_GET), "/info", "info.description is missing",
                        spec(", description: D", OK_GET)),
                new Case(new InfoVersionRule(), spec("", OK_GET).replace("version: 1.0.0", "version: v1"), "/info/version",
                        "info.version 'v1' is not a semantic version such as 1.2.0", spec("", OK_GET)),
                new Case(new InfoContactRule(), spec(", contact: {name: Desk}", OK_GET), "/info",
                        "info.contact has no e-mail address or URL", spec(", contact: {email: api@example.org}", OK_GET)),
                new Case(new InfoLicenseRule(), spec("", OK_GET), "/info", "info has neither a license nor termsOfService",
                        spec(", license: {name: CC-BY-4.0}", OK_GET)),
                new Case(new IntegerFormatRule(), spec("", OK_GET) + "components: {schemas: {N: {type: integer}}}\n",
                        "/components/schemas/N", "Integer declares no format int32 or int64",
                        spec("", OK_GET) + "components: {schemas: {N: {type: integer, format: int64}}}\n"),
                new Case(new ArrayItemsRule(), spec("", OK_GET) + "components: {schemas: {L: {type: array}}}\n", "/components/schemas/L", "Array declares no items",
                        spec("", OK_GET) + "components: {schemas: {L: {type: array, items: {type: string}}}}\n"),
                new Case(new SecuritySchemesDeclaredRule(), spec("", OK_GET), "", "No security schemes are declared",
                        spec("", OK_GET) + "components: {securitySchemes: {key: {type: http, scheme: bearer}}}\n"),
                new Case(new SecuritySchemesAppliedRule(),
                        spec("", OK_GET) + "components: {securitySchemes: {key: {type: http, scheme: bearer}}}\n",
                        "/components/securitySchemes/key", "Security scheme 'key' is declared but no operation requires it",
                        spec("", OK_GET) + "security: [{key: []}]\ncomponents: {securitySchemes: {key: {type: http, scheme: bearer}}}\n"),
                new Case(new HttpsOnlyRule(), spec("", OK_GET) + "servers: [{url: 'http://api.example.org/v1'}]\n",
                        "/servers/0/url", "Server http://api.example.org/v1 is not HTTPS",
                        spec("", OK_GET) + "servers: [{url: 'https://api.example.org/v1'}, {url: 'http://localhost:8080'}]\n"),
                new Case(new ContentLanguageRule(), spec("", OK_GET), "/info", "info.x-content-language is missing",
                        spec(", x-content-language: 'en,de'", OK_GET)),
                new Case(new OasUrlRule(), spec("", OK_GET), "/info", "info.x-oas-url is missing",
                        spec(", x-oas-url: 'https://example.org/openapi.yaml'", OK_GET)),
                new Case(new ProductPageRule(), spec("", OK_GET), "/info", "info.x-product-page-url is missing",
                        spec(", x-product-page-url: 'https://example.org'", OK_GET)),
                new Case(new ServiceTypeRule(), spec(", x-functionality: 'Search, Cooking'", OK_GET), "/info/x-functionality",
                        "'Cooking' is not a WIPO API Catalog value of x-service-type",
                        spec(", x-functionality: 'Search, Dissemination'", OK_GET)),
                new Case(new ContentTypeRule(), spec("", OK_GET), "/info", "info.x-content-type is missing",
                        spec(", x-content-type: [Bibliographic data, Legal status data]", OK_GET)));
    }

    /** Two tests per rule: its failing spec is reported at the pointer with the message; its compliant spec passes. */
    @TestFactory
    Stream<DynamicTest> everyRuleFailsAndPasses() {
        return cases().flatMap(c -> Stream.of(
                DynamicTest.dynamicTest(c + " reports", () -> RuleHarness.assertOne(c.rule(), c.failing(), c.pointer(), c.message())),
                DynamicTest.dynamicTest(c + " passes", () -> RuleHarness.assertNone(c.rule(), c.passing()))));
    }
}
