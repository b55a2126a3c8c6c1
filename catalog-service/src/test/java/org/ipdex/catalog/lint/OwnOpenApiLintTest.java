package org.ipdex.catalog.lint;

import org.ipdex.catalog.lint.rules.LintRules;
import org.ipdex.catalog.spec.SpecParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eat our own cooking (issue 3 item 11): catalog-service's own generated OpenAPI document has no MUST violation of
 * our ST.90 ruleset. A new endpoint that breaks a MUST rule fails this test, with the violations listed.
 */
class OwnOpenApiLintTest {

    @Test
    void catalogServicesOwnDocumentHasNoMustViolations() throws IOException {
        Path dir = Path.of("target/classes/META-INF/swagger");
        List<Path> documents;
        try (Stream<Path> files = Files.list(dir)) {
            documents = files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).toList();
        }
        assertFalse(documents.isEmpty(), "micronaut-openapi wrote no document under " + dir);
        Linter linter = new Linter(LintRules.all(), RuleSettings.NONE);
        for (Path document : documents) {
            String text = Files.readString(document);
            LintReport report = linter.lint(new SpecParser().parse(text.getBytes()), text);
            String musts = report.violations().stream().filter(v -> v.severity() == Level.MUST)
                    .map(v -> v.ruleId() + " at " + v.pointer() + " (line " + v.line() + "): " + v.message())
                    .collect(Collectors.joining("\n"));
            System.out.printf("%s: score %d, level %s, %s%n", document.getFileName(), report.score(), report.level(),
                    report.counts());
            report.violations().forEach(v -> System.out.println("  " + v.severity() + " " + v.ruleId() + " "
                    + v.pointer() + ": " + v.message()));
            assertTrue(musts.isEmpty(), document.getFileName() + " breaks MUST rules:\n" + musts);
        }
    }
}
