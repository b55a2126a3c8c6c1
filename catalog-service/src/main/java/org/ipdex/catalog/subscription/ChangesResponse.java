package org.ipdex.catalog.subscription;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A change feed in JSON: the same entries as the Atom document, newest first. */
@Serdeable
public record ChangesResponse(String feedId, String title, List<ChangeEntry> entries) {
}
