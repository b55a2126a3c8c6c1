/**
 * The service's outbox and what search-service reads: {@link org.ipdex.authority.feed.AuthorityFeed} writes the
 * change-feed rows ({@code edition.activated}, {@code coverage.check.finished}) in the transaction of the change,
 * through the ports {@code edition} and {@code coverage} declare; the internal NDJSON stream of an edition's records.
 */
package org.ipdex.authority.feed;
