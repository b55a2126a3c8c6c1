package org.ipdex.maven;

import org.apache.maven.plugin.MojoExecutionException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A parameter's value as one of an enum's constants, spelt as people type it ({@code possibly-breaking}, {@code SARIF}).
 * Maven's own conversion wants the constant's exact name and answers a wrong value with a stack of converter errors;
 * this one names the parameter and the values it takes.
 */
final class Choices {

    private Choices() {
    }

    static <E extends Enum<E>> E of(Class<E> type, String parameter, String value) throws MojoExecutionException {
        String name = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new MojoExecutionException("<" + parameter + "> must be one of " + spelt(type) + ", not '" + value + "'");
    }

    static <E extends Enum<E>> String spelling(E constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <E extends Enum<E>> String spelt(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choices::spelling).collect(Collectors.joining(", "));
    }
}
