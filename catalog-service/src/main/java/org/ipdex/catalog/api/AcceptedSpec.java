package org.ipdex.catalog.api;

import io.micronaut.core.annotation.Nullable;
import org.ipdex.catalog.spec.ParsedSpec;

/**
 * An upload that parsed: what will be stored if its content is new.
 *
 * @param contentSha256 identifies the content: of the bytes, or for a bundle of its files' names and bytes (a
 *                      re-zipped bundle with other timestamps is the same content)
 * @param origin        {@code upload}, {@code bundle} or {@code url}
 */
record AcceptedSpec(ParsedSpec spec, byte[] original, String mediaType, String contentSha256, String origin,
                    @Nullable String sourceUrl) {
}
