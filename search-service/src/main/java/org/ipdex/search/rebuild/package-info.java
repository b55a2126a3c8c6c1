/**
 * Rebuilding the catalog indices without downtime: new concrete indices are filled from the feeds (from sequence
 * 0) while the aliases keep serving the old ones, then the aliases move in one request and the live consumers
 * take over the rebuild's position. Started by an administrator, or at start-up when the code's mapping is newer
 * than the live index's.
 */
package org.ipdex.search.rebuild;
