package org.ipdex.catalog.api;

import org.ipdex.catalog.spec.Bundle;

import java.net.URI;

/** The three forms a spec arrives in. */
public sealed interface SpecUpload {

    /** One JSON or YAML document; its references must stay inside it. */
    record Document(byte[] content) implements SpecUpload {
    }

    /** Several files (zip or multipart) whose relative references stay inside the bundle. */
    record Archive(Bundle bundle) implements SpecUpload {
    }

    /** A URL fetched now and re-fetched on a schedule. */
    record Source(URI url) implements SpecUpload {
    }
}
