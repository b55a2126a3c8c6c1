package org.ipdex.catalog.lint;

import org.ipdex.catalog.lint.rules.LintRules;
import org.ipdex.catalog.spec.ParsedSpec;
import org.ipdex.catalog.spec.SpecParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule runs on every real spec of the corpus without tripping, and reports carry lines. */
class LinterCorpusTest {

    @Test
    void everyRuleRunsOnEveryCorpusSpec() throws Exception {
        Assumptions.assumeTrue(CorpusSpecs.available(), "../shared corpus not present");
        SpecParser parser = new SpecParser();
        List<LintRule> rules = LintRules.all();
        List<String> failures = new ArrayList<>();
        int withLines = 0;
        Map<String, byte[]> specs = CorpusSpecs.all();
        for (Map.Entry<String, byte[]> entry : specs.entrySet()) {
            ParsedSpec spec;
            try {
                spec = parser.parse(entry.getValue());
            } catch (RuntimeException unparsable) {
                continue;
            }
            SpecContext context = SpecContext.of(spec.model());
            for (LintRule rule : rules) {
                try {
                    rule.check(context);
                } catch (RuntimeException e) {
                    failures.add(entry.getKey() + " " + rule.info().id() + ": " + e);
                }
            }
            LintReport report = new Linter(rules, RuleSettings.NONE)
                    .lint(spec, new String(entry.getValue(), StandardCharsets.UTF_8));
            if (report.violations().stream().allMatch(v -> v.line() != null)) {
                withLines++;
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(withLines > specs.size() * 9 / 10, "violations have lines: " + withLines + "/" + specs.size());
    }
}
