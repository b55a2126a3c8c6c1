/** The Elasticsearch indices this service owns: versioned mappings, aliases, the client. See README.md. */
package org.ipdex.search.index;
