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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A segment followed by an item template ({@code /patents/{number}}) names a collection and is plural. English
 * plurals are guessed by their ending, with the common uncountable nouns of IP data accepted as they are.
 */
@Singleton
final class PluralCollectionsRule implements LintRule {

    private static final RuleInfo INFO = new RuleInfo("st90.uri.plural-collections", Section.RESOURCE_MODEL,
            Level.SHOULD, "Collections are named with plural nouns");
    private static final Set<String> UNCOUNTABLE = Set.of("data", "information", "metadata", "people", "children",
            "media", "criteria", "bibliographic", "legal", "status", "search", "content", "fulltext", "register");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        Set<String> collections = new LinkedHashSet<>();
        for (String path : spec.paths().keySet()) {
            List<String> segments = Rules.ownSegments(path);
            for (int i = 0; i + 1 < segments.size(); i++) {
                String segment = segments.get(i);
                if (Rules.isTemplate(segments.get(i + 1)) && !Rules.isTemplate(segment) && !isPlural(segment)) {
                    collections.add(String.join("/", segments.subList(0, i + 1)));
                }
            }
        }
        List<Violation> violations = new ArrayList<>();
        for (String collection : collections) {
            String path = spec.paths().keySet().stream().filter(p -> p.startsWith("/" + collection + "/"))
                    .findFirst().orElse("/" + collection);
            String segment = collection.substring(collection.lastIndexOf('/') + 1);
            violations.add(spec.violation(this, JsonPointer.of("paths", path),
                    "Collection '" + segment + "' is not a plural noun"));
        }
        return violations;
    }

    private static boolean isPlural(String segment) {
        String word = segment.replaceAll(".*(?=[A-Z])", "").toLowerCase(Locale.ROOT);
        return word.endsWith("s") || word.endsWith("ia") || UNCOUNTABLE.contains(word)
                || word.matches("v\\d+(\\.\\d+)*");
    }
}
