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
import java.util.regex.Pattern;

/** The HTTP method is the verb: {@code GET /patents}, not {@code GET /getPatents}. */
@Singleton
final class NounsNotVerbsRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.uri.nouns-not-verbs", Section.RESOURCE_MODEL,
            Level.SHOULD, "Resources are nouns, not CRUD verbs");
    private static final Pattern VERB = Pattern.compile(
            "(?i:get|create|update|delete|add|remove|set|fetch|retrieve|modify|insert)([A-Z_-].*)?");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        for (String path : spec.paths().keySet()) {
            for (String segment : Rules.ownSegments(path)) {
                // the verb must be the whole segment or end at a word boundary: "settings" is a noun
                if (!Rules.isTemplate(segment) && VERB.matcher(segment).matches()) {
                    violations.add(spec.violation(this, JsonPointer.of("paths", path),
                            "Path segment '" + segment + "' is a verb; let the HTTP method say what happens"));
                    break;
                }
            }
        }
        return violations;
    }
}
