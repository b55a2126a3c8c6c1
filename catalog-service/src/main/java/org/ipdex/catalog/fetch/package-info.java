/**
 * Outbound HTTP for the catalogue (spec sources, endpoint probes) that cannot be turned against the network it
 * runs in: public addresses only unless allow-listed, DNS resolved once and the connection pinned to the checked
 * address, every redirect hop re-checked, bodies capped while read.
 */
package org.ipdex.catalog.fetch;
