/**
 * Editions: the upload API, atomic activation (ATTACH + office_state + feed row in one transaction), diffs between
 * any two kept editions, and retention of old record tables.
 */
package org.ipdex.authority.edition;
