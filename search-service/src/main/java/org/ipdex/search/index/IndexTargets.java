package org.ipdex.search.index;

/**
 * Where the catalog handlers write: the aliases for the live consumers, the new concrete indices for a rebuild.
 */
public record IndexTargets(String apis, String operations) {
}
