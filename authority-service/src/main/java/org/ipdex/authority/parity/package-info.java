/**
 * What authority-service states as current for search-service's parity check
 * ({@code GET /internal/v1/officeStates}).
 */
package org.ipdex.authority.parity;
