/** The public search API; thin controllers over {@link org.ipdex.search.query}. */
package org.ipdex.search.api;
