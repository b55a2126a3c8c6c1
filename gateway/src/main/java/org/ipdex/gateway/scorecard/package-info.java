/**
 * {@code GET /api/v1/offices/{code}/scorecard}: an office's scorecard, composed by the gateway from the halves the
 * two services that hold the data answer themselves (no service reads another's tables). See README.md.
 */
package org.ipdex.gateway.scorecard;
