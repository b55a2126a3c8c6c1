package org.ipdex.authority.coverage;

import io.micronaut.core.annotation.Nullable;

/**
 * @param name   names the collection; checks with the same name and scope are compared with each other
 * @param column which field holds the number (a 1-based number or a header name); absent: the whole line
 */
record CheckRequest(CheckScope scope, @Nullable String name, @Nullable String column, String createdBy) {
}
