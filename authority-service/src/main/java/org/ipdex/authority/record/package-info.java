/**
 * Reading the active sets through the {@code active_record} view: look-up by any spelling of a number (via
 * {@link org.ipdex.common.number.PublicationNumber}), keyset-paged listing, streamed CSV/NDJSON export, statistics.
 */
package org.ipdex.authority.record;
