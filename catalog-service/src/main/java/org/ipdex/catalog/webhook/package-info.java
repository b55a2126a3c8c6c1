/**
 * Webhooks: subscriptions to catalogue and authority events, delivered as signed CloudEvents from the change feeds
 * (see README.md in this package).
 */
package org.ipdex.catalog.webhook;
