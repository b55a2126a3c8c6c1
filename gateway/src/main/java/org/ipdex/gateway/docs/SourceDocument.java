package org.ipdex.gateway.docs;

import java.util.Optional;

/**
 * One service's own OpenAPI document as fetched: its text, or why there is none.
 *
 * @param name the backend's name ({@code catalog}, …; {@code gateway} for the gateway's own)
 */
record SourceDocument(String name, Optional<String> text, Optional<String> problem) {

    static SourceDocument of(String name, String text) {
        return new SourceDocument(name, Optional.of(text), Optional.empty());
    }

    static SourceDocument missing(String name, String problem) {
        return new SourceDocument(name, Optional.empty(), Optional.of(problem));
    }
}
