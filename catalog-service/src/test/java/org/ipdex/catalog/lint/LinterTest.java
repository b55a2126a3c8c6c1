package org.ipdex.catalog.lint;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.ipdex.catalog.spec.ParsedSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine: score, level, an administrator's overrides, an office's exceptions, pointers to lines. */
class LinterTest {

    private static final String YAML = """
            openapi: 3.0.3
            info: {title: T, version: 1.0.0}
            paths:
              /a~b/c:
                get:
                  responses:
                    '200': {description: ok}
            """;

    private static LintRule rule(String id, Level level, String pointer) {
        return new LintRule() {
            @Override
            public RuleInfo info() {
                return new RuleInfo(id, Section.URI, level, id);
            }

            @Override
            public List<Violation> check(SpecContext spec) {
                return pointer == null ? List.of() : List.of(spec.violation(this, pointer, id + " broken"));
            }
        };
    }

    private static final List<LintRule> RULES = List.of(
            rule("must", Level.MUST, JsonPointer.of("paths", "/a~b/c", "get")),
            rule("should", Level.SHOULD, null),
            rule("may", Level.MAY, "/info"));

    private static RuleSettings settings(Map<String, RuleSettings.RuleOverride> overrides, Set<String> excepted) {
        return new RuleSettings() {
            @Override
            public Map<String, RuleOverride> overrides() {
                return overrides;
            }

            @Override
            public Set<String> exceptedRules(String apiId) {
                return "api-1".equals(apiId) ? excepted : Set.of();
            }
        };
    }

    @Test
    void scoreWeighsFailingRulesByLevelAndPointersGetLines() {
        LintReport report = new Linter(RULES, RuleSettings.NONE).lint(spec(YAML), YAML);
        assertEquals(33, report.score()); // 6 points, MUST (3) and MAY (1) fail
        assertEquals(Grade.NONE, report.level());
        assertEquals(3, report.rulesChecked());
        assertEquals(2, report.rulesFailed());
        Violation must = report.violations().get(0);
        assertEquals("/paths/~1a~0b~1c/get", must.pointer());
        assertEquals(5, must.line());
        assertEquals(2, report.violations().get(1).line());
    }

    @Test
    void anAdministratorSwitchesOffOrReGradesRules() {
        LintReport off = new Linter(RULES, settings(Map.of("must", new RuleSettings.RuleOverride(false, null)), Set.of()))
                .lint(spec(YAML));
        assertEquals(67, off.score());
        assertEquals(Grade.AAA, off.level(), "only a MAY rule fails");
        LintReport regraded = new Linter(RULES, settings(Map.of("must",
                new RuleSettings.RuleOverride(true, Level.SHOULD)), Set.of())).lint(spec(YAML));
        assertEquals(Grade.AA, regraded.level());
        assertEquals(Level.SHOULD, regraded.violations().get(0).severity());
    }

    @Test
    void anOfficesExceptionMovesViolationsAside() {
        Linter linter = new Linter(RULES, settings(Map.of(), Set.of("must")));
        LintReport report = linter.lint(new LintTarget(spec(YAML), null, "api-1"));
        assertEquals(1, report.excepted().size());
        assertTrue(report.excepted().get(0).excepted());
        assertEquals(0, report.counts().must());
        assertEquals(Grade.AAA, report.level());
        assertEquals(1, linter.lint(new LintTarget(spec(YAML), null, "api-2")).counts().must());
    }

    @Test
    void linesComeFromJsonAndFromSwagger2Originals() {
        String json = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"T\", \"version\": \"1\"},\n"
                + "  \"paths\": {\n    \"/a~b/c\": {\n      \"get\": {\"responses\": {\"200\": {\"description\": \"ok\"}}}\n"
                + "    }\n  }\n}\n";
        assertEquals(6, LineIndex.of(json).line("/paths/~1a~0b~1c/get").orElseThrow());
        assertEquals(5, LineIndex.of(json).line("/paths/~1a~0b~1c/post/responses").orElseThrow(), "nearest ancestor");
        String swagger2 = "swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\ndefinitions:\n  Pet:\n"
                + "    properties:\n      pet_name: {type: string}\n";
        assertEquals(7, LineIndex.of(swagger2).line("/components/schemas/Pet/properties/pet_name").orElseThrow());
    }

    private static ParsedSpec spec(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        return new ParsedSpec(new OpenAPIParser().readContents(text, null, options).getOpenAPI(), "{}", "openapi-3.0.3");
    }
}
