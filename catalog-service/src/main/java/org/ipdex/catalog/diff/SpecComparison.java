package org.ipdex.catalog.diff;

import io.swagger.v3.oas.models.OpenAPI;

import java.util.ArrayList;
import java.util.List;

/** One comparison run; holds the two models and collects changes. Not shared between threads. */
final class SpecComparison {

    private final OpenAPI from;
    private final OpenAPI to;
    private final List<Change> changes = new ArrayList<>();

    SpecComparison(OpenAPI from, OpenAPI to) {
        this.from = from;
        this.to = to;
    }

    List<Change> run() {
        return changes;
    }
}
