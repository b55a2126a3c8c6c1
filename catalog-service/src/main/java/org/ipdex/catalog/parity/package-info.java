/**
 * What catalog-service states as current for search-service's parity check ({@code GET /internal/v1/apiStates}).
 */
package org.ipdex.catalog.parity;
