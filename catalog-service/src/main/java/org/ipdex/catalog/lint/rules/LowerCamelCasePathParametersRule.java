package org.ipdex.catalog.lint.rules;

import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.JsonPointer;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;
import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;

import java.util.ArrayList;
import java.util.List;

@Singleton
final class LowerCamelCasePathParametersRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.uri.lower-camel-case-path-parameters", Section.URI,
            Level.SHOULD, "Path parameter names are lowerCamelCase");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        for (String path : spec.paths().keySet()) {
            for (String segment : Rules.segments(path)) {
                if (Rules.isTemplate(segment) && !Rules.isLowerCamel(segment.substring(1, segment.length() - 1))) {
                    violations.add(spec.violation(this, JsonPointer.of("paths", path),
                            "Path parameter '" + segment + "' is not lowerCamelCase"));
                }
            }
        }
        return violations;
    }
}
