/**
 * Reading the active sets through the {@code active_record} view: look-up by any spelling of a number (via
 * {@link org.ipdex.common.number.PublicationNumber}), keyset-paged listing, streamed CSV/NDJSON export, statistics.
 * Below every other feature: {@link org.ipdex.authority.record.PoolConnections} (the pool outside Micronaut's
 * transactions) and {@link org.ipdex.authority.record.CursorStream} serve the loads, exports and diffs of all.
 */
package org.ipdex.authority.record;
