package org.ipdex.search.parity;

/** The operations the {@code operations} index holds for one API: how many, and their checksum. */
record IndexedOperations(long count, String checksum) {
}
