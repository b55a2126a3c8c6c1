package org.ipdex.catalog.api;

import io.micronaut.core.annotation.Nullable;

/**
 * One upload of a spec.
 *
 * @param officeCode the owning office (ST.3)
 * @param apiId      the API it is a version of; {@code null} to derive a slug from the office and title
 * @param upload     a document, a bundle or a source URL
 * @param actor      who uploads, for the record
 */
public record Registration(String officeCode, @Nullable String apiId, SpecUpload upload, String actor) {
}
