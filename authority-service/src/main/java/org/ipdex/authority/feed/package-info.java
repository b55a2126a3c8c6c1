/**
 * What search-service reads: the {@code edition.activated} change-feed event and the internal NDJSON stream of an
 * edition's records.
 */
package org.ipdex.authority.feed;
