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
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The format is negotiated with {@code Accept}, not named in the URI. */
@Singleton
final class NoFileExtensionsRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.uri.no-file-extensions", Section.URI, Level.MUST,
            "No file extensions in paths");
    private static final Pattern EXTENSION = Pattern.compile(
            "\\.(json|xml|ya?ml|html?|csv|txt|pdf|zip|png|jpe?g|gif|tiff?|docx?|xlsx?)$");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        List<Violation> violations = new ArrayList<>();
        for (String path : spec.paths().keySet()) {
            for (String segment : Rules.segments(path)) {
                Matcher extension = EXTENSION.matcher(segment.toLowerCase(Locale.ROOT));
                if (extension.find()) {
                    violations.add(spec.violation(this, JsonPointer.of("paths", path),
                            "Path '" + path + "' has the file extension '." + extension.group(1) + "'"));
                    break;
                }
            }
        }
        return violations;
    }
}
