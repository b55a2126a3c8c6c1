package org.ipdex.catalog.api;

/** What an upload did. */
public enum RegistrationOutcome {
    /** A new API with its first version. */
    CREATED,
    /** A new version of an existing API. */
    NEW_VERSION,
    /** The content equals the latest version: nothing was stored. */
    UNCHANGED
}
