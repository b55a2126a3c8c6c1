package org.ipdex.catalog.diff;

/** How a change affects an existing client that was written against the old version. */
public enum Classification {
    /** An existing client may fail: a removed operation, a new required request field, a changed type… */
    BREAKING,
    /** Depends on how the client was written: a new value in a response enum, a narrower response… */
    POSSIBLY_BREAKING,
    /** Existing clients keep working: an added operation, an optional request field, documentation. */
    NON_BREAKING
}
