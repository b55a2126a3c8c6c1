package org.ipdex.search.parity;

/**
 * An API as the {@code apis} index holds it.
 *
 * @param revision the document's external version: the revision of the feed event that wrote it
 */
record IndexedApi(int versionNumber, long revision) {
}
