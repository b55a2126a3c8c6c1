package org.ipdex.catalog.office;

/**
 * An office's profile got a name: its first, or another one. Published inside the transaction that renamed it, and listened to in the
 * same thread, so that what the listeners write (the office's API documents for search) commits with the rename.
 */
public record OfficeRenamed(String officeCode) {
}
