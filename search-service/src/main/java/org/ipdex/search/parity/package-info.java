/**
 * The parity check: PostgreSQL's current state, as catalog-service and authority-service state it, against what
 * the live indices hold (see the index README).
 */
package org.ipdex.search.parity;
