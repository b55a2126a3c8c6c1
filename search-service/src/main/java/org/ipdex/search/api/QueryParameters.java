package org.ipdex.search.api;

import io.micronaut.http.HttpParameters;
import org.ipdex.common.problem.InvalidInputException;

import java.util.Set;
import java.util.TreeSet;

/**
 * Micronaut ignores query parameters a route does not bind, so a misspelt filter ({@code ofice=EP}) would
 * silently widen the search. Every search route checks the names against its own list instead.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * @param known      every parameter the route takes
     * @param repeatable those that may be given more than once
     */
    static void check(HttpParameters parameters, Set<String> known, Set<String> repeatable) {
        for (String name : new TreeSet<>(parameters.names())) {
            if (!known.contains(name)) {
                String shown = name.length() > 50 ? name.substring(0, 50) + "…" : name;
                throw InvalidInputException.parameter(shown, "unknown parameter; this search takes "
                        + new TreeSet<>(known));
            }
            if (!repeatable.contains(name) && parameters.getAll(name).size() > 1) {
                throw InvalidInputException.parameter(name, "may be given only once");
            }
        }
    }
}
