package org.ipdex.catalog.lint.rules;

import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;
import org.ipdex.catalog.spec.ParsedSpec;
import org.ipdex.catalog.spec.SpecParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DateValuesRuleTest {

    private final DateValuesRule rule = new DateValuesRule();

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: T, version: 1.0.0}
            paths:
              /filings:
                get:
                  parameters:
                    - {name: since, in: query, schema: {type: string, format: date-time, default: "%s"}}
                  responses:
                    '200': {description: ok}
            components:
              schemas:
                Filing:
                  type: object
                  example: {filingDate: "not checked: data, not a schema", format: date}
                  properties:
                    filingDate: {type: string, format: date, example: "%s"}
            """;

    @Test
    void datesThatAreNotIso8601AreReportedWhereTheyAreWritten() {
        List<Violation> violations = check(SPEC.formatted("yesterday", "2016_01_28"));
        assertEquals(List.of("/components/schemas/Filing/properties/filingDate/example",
                "/paths/~1filings/get/parameters/0/schema/default"), violations.stream().map(Violation::pointer).sorted()
                .toList());
        assertEquals("Default \"yesterday\" is not an ISO 8601 date-time (format date-time), such as "
                + "2016-01-28T10:00:00Z", violations.stream().filter(v -> v.pointer().endsWith("default"))
                .findFirst().orElseThrow().message());
        assertEquals(rule.info().id(), violations.get(0).ruleId());
    }

    @Test
    void isoDatesPass() {
        assertEquals(List.of(), check(SPEC.formatted("2016-01-28T10:00:00+01:00", "2016-01-28")));
    }

    private List<Violation> check(String spec) {
        ParsedSpec parsed = new SpecParser().parse(spec.getBytes());
        return rule.check(SpecContext.of(parsed.model(), parsed.source()));
    }
}
