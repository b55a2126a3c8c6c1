package org.ipdex.catalog.lint.rules;

import org.ipdex.catalog.lint.JsonPointer;
import org.ipdex.catalog.lint.LintRule;
import org.ipdex.catalog.lint.SpecContext;
import org.ipdex.catalog.lint.Violation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shared check of the WIPO API Catalog's {@code info.x-*} fields: present under one of the accepted names (real
 * specs use variants such as {@code x-ipdomain}), and, for the fields with a vocabulary, every comma-separated value
 * from it (compared case-insensitively, because offices write "patent" as often as "Patent").
 */
abstract class CatalogueFieldRule implements LintRule {

    private final List<String> names;
    private final Set<String> vocabulary;

    CatalogueFieldRule(List<String> names, Set<String> vocabulary) {
        this.names = names;
        this.vocabulary = vocabulary.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    @Override
    public List<Violation> check(SpecContext spec) {
        Map<String, Object> extensions = spec.model().getInfo() == null ? null : spec.model().getInfo().getExtensions();
        Optional<String> present = extensions == null ? Optional.empty()
                : names.stream().filter(extensions::containsKey).findFirst();
        if (present.isEmpty()) {
            return List.of(spec.violation(this, "/info", "info." + names.get(0) + " is missing"));
        }
        List<Violation> violations = new ArrayList<>();
        if (!vocabulary.isEmpty()) {
            for (String value : values(extensions.get(present.get()))) {
                if (!vocabulary.contains(value.toLowerCase(Locale.ROOT))) {
                    violations.add(spec.violation(this, JsonPointer.of("info", present.get()),
                            "'" + value + "' is not a WIPO API Catalog value of " + names.get(0)));
                }
            }
        }
        return violations;
    }

    private static List<String> values(Object raw) {
        Collection<?> items = raw instanceof Collection<?> list ? list : List.of(String.valueOf(raw));
        return items.stream().flatMap(item -> Arrays.stream(String.valueOf(item).split(",")))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
