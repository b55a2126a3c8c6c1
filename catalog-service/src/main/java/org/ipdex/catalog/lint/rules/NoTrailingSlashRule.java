package org.ipdex.catalog.lint.rules;

import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.JsonPointer;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;
import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;

import java.util.List;

@Singleton
final class NoTrailingSlashRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.uri.no-trailing-slash", Section.URI, Level.MUST,
            "No trailing slash");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        return spec.paths().keySet().stream()
                .filter(path -> path.length() > 1 && path.endsWith("/"))
                .map(path -> spec.violation(this, JsonPointer.of("paths", path),
                        "Path '" + path + "' ends with a slash"))
                .toList();
    }
}
