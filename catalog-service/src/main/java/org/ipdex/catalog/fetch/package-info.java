/**
 * Outbound HTTP for the catalogue (spec sources, endpoint probes) on top of the shared, SSRF-safe
 * {@code org.ipdex.common.fetch}: the allow-list and timeout settings, and bodies capped while read.
 */
package org.ipdex.catalog.fetch;
