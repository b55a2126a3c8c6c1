package org.ipdex.catalog.lint.rules;

import org.ipdex.catalog.lint.LintRule;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every rule class of the rules package, instantiated without a bean context — for tests and benchmarks that
 * exercise the engine without a database. Scans the compiled package so a new rule is picked up automatically.
 */
public final class LintRules {

    private LintRules() {
    }

    public static List<LintRule> all() {
        URL url = LintRules.class.getClassLoader().getResource("org/ipdex/catalog/lint/rules/Rules.class");
        List<LintRule> rules = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()).getParent())) {
            for (Path file : files.filter(f -> f.toString().endsWith("Rule.class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName("org.ipdex.catalog.lint.rules." + name);
                if (LintRule.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                    Constructor<?> constructor = type.getDeclaredConstructor();
                    constructor.setAccessible(true);
                    rules.add((LintRule) constructor.newInstance());
                }
            }
        } catch (IOException | URISyntaxException | ReflectiveOperationException e) {
            throw new IllegalStateException("cannot list the lint rules", e);
        }
        return rules;
    }
}
