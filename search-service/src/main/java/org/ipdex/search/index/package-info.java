/**
 * The Elasticsearch indices this service owns: the client, versioned mappings behind aliases, their creation,
 * and the readiness check. The data flow, naming and rebuild procedure are in README.md next to this file.
 */
package org.ipdex.search.index;
