/**
 * Subscriptions without accounts: Atom feeds of new versions and breaking changes per office and per API, and the
 * RFC 9727 {@code /.well-known/api-catalog} linkset. Links are absolute, built on {@code ipdex.catalog.public-url}.
 */
package org.ipdex.catalog.subscription;
