/**
 * Endpoint checks: a timer probes every API's declared servers (and its health path) through the catalogue's
 * safe fetcher, keeps the history, and updates the API's endpoint status, which search-service gets in the feed.
 * Properties: {@code ipdex.catalog.probe.enabled}, {@code .interval} (15m), {@code .history-days} (30);
 * addresses: {@code ipdex.catalog.fetch.allow}.
 */
package org.ipdex.catalog.probe;
