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
final class LowerCamelCaseSegmentsRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.uri.lower-camel-case-segments", Section.URI, Level.MUST,
            "Path segments are lowerCamelCase");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        for (String path : spec.paths().keySet()) {
            for (String segment : Rules.ownSegments(path)) {
                String name = segment.contains(".") ? segment.substring(0, segment.indexOf('.')) : segment;
                if (!Rules.isTemplate(segment) && !name.isEmpty() && !Rules.isLowerCamel(name)) {
                    violations.add(spec.violation(this, JsonPointer.of("paths", path),
                            "Path segment '" + segment + "' is not lowerCamelCase"));
                    break;
                }
            }
        }
        return violations;
    }
}
