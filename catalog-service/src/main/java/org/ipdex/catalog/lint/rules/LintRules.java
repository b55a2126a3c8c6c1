package org.ipdex.catalog.lint.rules;

import org.ipdex.catalog.lint.LintRule;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every rule class of the rules package, instantiated without a bean context — for the command-line tool, tests
 * and benchmarks, which lint without a database and must not pay for starting an application context. Lists the
 * compiled package (a folder of classes, or an entry folder of a jar such as the CLI's), so a new rule is picked
 * up automatically, exactly as the service's injected {@code List<LintRule>} picks it up.
 */
public final class LintRules {

    private static final String PACKAGE = "org/ipdex/catalog/lint/rules/";

    private LintRules() {
    }

    public static List<LintRule> all() {
        URL url = LintRules.class.getClassLoader().getResource(PACKAGE + "Rules.class");
        List<LintRule> rules = new ArrayList<>();
        try {
            for (String name : ruleClassNames(url)) {
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

    /** Simple names of the {@code *Rule} classes beside {@code Rules.class}, nested classes left out. */
    private static List<String> ruleClassNames(URL url) throws IOException, URISyntaxException {
        if ("jar".equals(url.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                return jar.stream().map(entry -> entry.getName())
                        .filter(name -> name.startsWith(PACKAGE) && name.indexOf('/', PACKAGE.length()) < 0)
                        .map(name -> name.substring(PACKAGE.length()))
                        .filter(LintRules::isRuleClass).map(LintRules::simpleName).toList();
            }
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()).getParent())) {
            return files.map(file -> file.getFileName().toString()).filter(LintRules::isRuleClass)
                    .map(LintRules::simpleName).toList();
        }
    }

    private static boolean isRuleClass(String fileName) {
        return fileName.endsWith("Rule.class") && !fileName.contains("$");
    }

    private static String simpleName(String fileName) {
        return fileName.substring(0, fileName.length() - ".class".length());
    }
}
