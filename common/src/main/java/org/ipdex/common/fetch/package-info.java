/**
 * Outbound HTTP to URLs that came from outside (spec sources, endpoint probes, authority files) that cannot be
 * turned against the network the services run in: public addresses only unless allow-listed, IPv4 only in its one
 * unambiguous spelling, DNS resolved once and the connection pinned to the checked address, every redirect hop
 * re-checked. Shared because catalog-service and authority-service must refuse exactly the same addresses.
 */
package org.ipdex.common.fetch;
