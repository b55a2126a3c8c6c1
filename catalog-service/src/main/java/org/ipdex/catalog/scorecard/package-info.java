/**
 * The catalogue's half of an office's scorecard ({@code GET /api/v1/catalog/offices/{officeCode}/scorecard}): per
 * API the ST.90 score and level of each version over time, breaking changes per month over the last 12 months, and
 * endpoint uptime per month from the probes. The gateway puts it beside authority-service's half to answer
 * {@code GET /api/v1/offices/{code}/scorecard} (gateway {@code org.ipdex.gateway.scorecard}, whose README says why).
 */
package org.ipdex.catalog.scorecard;
