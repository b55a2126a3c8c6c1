/**
 * Follows the change feeds of the services that own data and applies their events to the indices: one
 * {@link org.ipdex.search.consume.FeedConsumer} per entry under {@code ipdex.feeds}, one
 * {@link org.ipdex.search.consume.ChangeHandler} per event type.
 */
package org.ipdex.search.consume;
