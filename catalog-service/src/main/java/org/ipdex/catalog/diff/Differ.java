package org.ipdex.catalog.diff;

import jakarta.inject.Singleton;
import org.ipdex.catalog.spec.ParsedSpec;

import java.util.Comparator;
import java.util.List;

/**
 * Compares two versions of a spec over the swagger-core model (OpenAPI 3.0 and 3.1 alike; Swagger 2.0 arrives
 * converted), knowing request from response direction. See README.md in this package.
 */
@Singleton
public class Differ {

    private static final Comparator<Change> ORDER = Comparator.comparing(Change::classification)
            .thenComparing(Change::pointer).thenComparing(Change::kind);

    public DiffReport diff(ParsedSpec from, ParsedSpec to) {
        List<Change> changes = new SpecComparison(from.model(), to.model()).run();
        return DiffReport.of(changes.stream().sorted(ORDER).toList());
    }
}
