package org.ipdex.authority.definition;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;
import java.util.TreeMap;

/**
 * The kind codes and exception codes an office defines, each with its description. Empty maps mean "not
 * defined": validation then checks only the shape of a code.
 */
@Serdeable
public record OfficeDefinitions(Map<String, String> kinds, Map<String, String> exceptionCodes) {

    public OfficeDefinitions {
        kinds = Map.copyOf(kinds);
        exceptionCodes = Map.copyOf(exceptionCodes);
    }

    public static OfficeDefinitions none() {
        return new OfficeDefinitions(Map.of(), Map.of());
    }

    public boolean isEmpty() {
        return kinds.isEmpty() && exceptionCodes.isEmpty();
    }

    /** Sorted copies, for answers people read. */
    public OfficeDefinitions sorted() {
        return new OfficeDefinitions(new TreeMap<>(kinds), new TreeMap<>(exceptionCodes));
    }
}
