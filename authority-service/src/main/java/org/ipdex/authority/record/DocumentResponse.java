package org.ipdex.authority.record;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The answer to a look-up by number: every publication (kind) of that number in the active set, or the one kind
 * asked for.
 *
 * @param query     what was asked, as written
 * @param numberKey what it normalises to
 */
@Serdeable
public record DocumentResponse(String query, String numberKey, List<RecordResponse> records) {
}
