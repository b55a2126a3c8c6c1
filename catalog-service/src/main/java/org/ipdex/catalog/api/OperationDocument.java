package org.ipdex.catalog.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One operation of an API, searchable on its own ("legal status" across every office). */
@Serdeable
public record OperationDocument(String method, String path, String operationId, String summary,
                                String description, List<String> tags) {
}
