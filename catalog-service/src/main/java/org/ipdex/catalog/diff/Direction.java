package org.ipdex.catalog.diff;

/** Which way the changed data travels; the same edit is breaking in one direction and harmless in the other. */
public enum Direction {
    /** Parameters and request bodies: the client writes, the server reads. */
    REQUEST,
    /** Response bodies and headers: the server writes, the client reads. */
    RESPONSE,
    /** Paths, operations, security, servers, metadata. */
    NONE
}
