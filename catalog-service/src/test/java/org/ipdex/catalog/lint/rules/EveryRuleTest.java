package org.ipdex.catalog.lint.rules;

import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The uniform minimum for every registered rule: one spec it reports (first violation's rule id and pointer) and one
 * it passes. The simple rules bring their rows from {@link SimpleRulesTest}; the rules with their own test classes get
 * a row here too, so that the guard below can hold the table to {@link LintRules#all()} and a new rule cannot be added
 * without its two examples. Lines are not asserted: a rule yields pointers only, the engine maps them to lines.
 */
class EveryRuleTest {

    record Row(LintRule rule, String failing, String pointer, String passing) {
        @Override
        public String toString() {
            return rule.info().id();
        }
    }

    /** A 3.0 document of an IP register: extra {@code info} fields (", key: value") and the rest of the document. */
    static String spec(String info, String rest) {
        return "openapi: 3.0.3\ninfo: {title: Register, version: 1.0.0" + info + "}\n" + rest;
    }

    static String schemas(String properties) {
        return spec("", "paths: {}\ncomponents: {schemas: {Application: {type: object, properties: {" + properties
                + "}}}}\n");
    }

    static final String LEGAL_EVENTS = spec("", """
            paths:
              /applications/{applicationNumber}/legalEvents:
                get:
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {type: object}}}}
            """);

    static final String PROBLEM = "{type: object, properties: {type: {type: string}, title: {type: string}}}";

    static final String PROBLEM_REF = "{$ref: '#/components/schemas/Problem'}";

    /** A collection and its item, to vary: the collection's method, statuses, error body and operationIds. */
    static final String APPLICATIONS = spec("", """
            paths:
              /applications:
                get:
                  operationId: listApplications
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {type: array, items: {type: object}}}}}
                    '404': {description: unknown, content: {application/problem+json: {schema: %s}}}
              /applications/{applicationNumber}:
                get:
                  operationId: getApplication
                  responses:
                    '200': {description: ok}
            """.formatted(PROBLEM));

    /** Gives the item a 404 with the named Problem too, so that there is a shared error schema to stray from. */
    static String withItemError(String spec) {
        return spec.replace("'200': {description: ok}\n", "'200': {description: ok}\n"
                + "        '404': {description: unknown, content: {application/problem+json: {schema: " + PROBLEM_REF + "}}}\n")
                + "components: {schemas: {Problem: " + PROBLEM + "}}\n";
    }

    static Stream<Row> ownRows() {
        return Stream.of(
                new Row(new DateFormatRule(), schemas("filingDate: {type: string}"),
                        "/components/schemas/Application/properties/filingDate",
                        schemas("filingDate: {type: string, format: date}")),
                new Row(new DateValuesRule(), schemas("filingDate: {type: string, format: date, example: '2016_01_28'}"),
                        "/components/schemas/Application/properties/filingDate/example",
                        schemas("filingDate: {type: string, format: date, example: '2016-01-28'}")),
                new Row(new IpDomainRule(), spec("", "paths: {}\n"), "/info", spec(", x-ip-domain: Patent", "paths: {}\n")),
                new Row(new JsonResponsesRule(), LEGAL_EVENTS.replace("application/json", "application/xml"),
                        "/paths/~1applications~1{applicationNumber}~1legalEvents/get/responses/200/content", LEGAL_EVENTS),
                new Row(new LowerCamelCasePropertiesRule(), schemas("application_number: {type: string}"),
                        "/components/schemas/Application/properties/application_number",
                        schemas("applicationNumber: {type: string}")),
                new Row(new LowerCamelCaseSegmentsRule(), LEGAL_EVENTS.replace("legalEvents", "legal_events"),
                        "/paths/~1applications~1{applicationNumber}~1legal_events", LEGAL_EVENTS),
                new Row(new MajorVersionRule(), LEGAL_EVENTS + "servers: [{url: 'https://api.example.org/register'}]\n",
                        "/servers", LEGAL_EVENTS + "servers: [{url: 'https://api.example.org/register/v1'}]\n"),
                new Row(new NounsNotVerbsRule(), LEGAL_EVENTS.replace("legalEvents", "getLegalEvents"),
                        "/paths/~1applications~1{applicationNumber}~1getLegalEvents", LEGAL_EVENTS),
                new Row(new OperationIdUniqueRule(), APPLICATIONS.replace("getApplication", "listApplications"),
                        "/paths/~1applications~1{applicationNumber}/get/operationId", APPLICATIONS),
                new Row(new PaginationRule(), APPLICATIONS, "/paths/~1applications/get/parameters",
                        APPLICATIONS.replace("      responses:", "      parameters: [{name: limit, in: query}]\n      responses:")),
                new Row(new PluralCollectionsRule(), LEGAL_EVENTS.replace("/applications/", "/application/"),
                        "/paths/~1application~1{applicationNumber}~1legalEvents", LEGAL_EVENTS),
                new Row(new PostCreatedRule(), APPLICATIONS.replaceFirst("get:", "post:"),
                        "/paths/~1applications/post/responses",
                        APPLICATIONS.replaceFirst("get:", "post:").replaceFirst("'200'", "'201'")),
                new Row(new ProblemDetailsRule(), APPLICATIONS.replace("application/problem+json", "application/json")
                        .replace(PROBLEM, "{type: object, properties: {reason: {type: string}}}"),
                        "/paths/~1applications/get/responses/404",
                        APPLICATIONS.replace("application/problem+json", "application/json")),
                new Row(new SecurityRequirementsDeclaredRule(), LEGAL_EVENTS + "security: [{apiKey: []}]\n",
                        "/security/0/apiKey", LEGAL_EVENTS + "security: [{apiKey: []}]\n"
                        + "components: {securitySchemes: {apiKey: {type: apiKey, in: header, name: X-Api-Key}}}\n"),
                new Row(new SharedErrorSchemaRule(), withItemError(APPLICATIONS),
                        "/paths/~1applications/get/responses/404/content/application~1problem+json/schema",
                        withItemError(APPLICATIONS.replace(PROBLEM, PROBLEM_REF))));
    }

    static Stream<Row> rows() {
        return Stream.concat(SimpleRulesTest.cases().map(c -> new Row(c.rule(), c.failing(), c.pointer(), c.passing())),
                ownRows());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void reportsItsFailingExample(Row row) {
        List<Violation> violations = RuleHarness.check(row.rule(), row.failing());
        assertFalse(violations.isEmpty(), row + " reports nothing on its failing example");
        assertEquals(row.rule().info().id(), violations.get(0).ruleId());
        assertEquals(row.pointer(), violations.get(0).pointer(), () -> violations.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void passesItsCompliantExample(Row row) {
        RuleHarness.assertNone(row.rule(), row.passing());
    }

    @Test
    void everyRegisteredRuleHasOneRow() {
        List<String> tabled = rows().map(Row::toString).toList();
        Set<String> registered = LintRules.all().stream().map(rule -> rule.info().id())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(tabled.size(), Set.copyOf(tabled).size(), () -> "a rule has two rows: " + tabled);
        assertEquals(registered, new TreeSet<>(tabled));
    }
}
