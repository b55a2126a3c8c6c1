/**
 * Public search over the indices: typed Elasticsearch queries only (user text is only ever the text of a
 * {@code multi_match} or {@code simple_query_string}), and {@code search_after} cursors.
 */
package org.ipdex.search.query;
