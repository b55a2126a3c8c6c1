/**
 * The audit trail: every change to an API, its versions, its metadata and office profiles, written in the same
 * transaction as the change, readable by an administrator and by the owning office.
 */
package org.ipdex.catalog.audit;
