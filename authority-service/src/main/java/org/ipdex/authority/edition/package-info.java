/**
 * Editions: {@link org.ipdex.authority.edition.Editions}, the one port the other features reach them through; the
 * edition API (list, get, report, diff between any two kept editions); atomic activation (ATTACH + office_state +
 * the feed row, through {@link org.ipdex.authority.edition.ActivationFeed}, in one transaction); the names of the
 * editions' record tables and the progress of running ingests, which the ingest writes and the views show.
 */
package org.ipdex.authority.edition;
