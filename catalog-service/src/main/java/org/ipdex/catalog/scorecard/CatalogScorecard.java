package org.ipdex.catalog.scorecard;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** The catalogue's half of an office's scorecard: its APIs in id order. */
@Serdeable
public record CatalogScorecard(String office, Instant asOf, List<ApiScorecard> apis) {
}
