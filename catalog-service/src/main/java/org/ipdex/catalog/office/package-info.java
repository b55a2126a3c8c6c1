/**
 * The catalogue's public profile of each office (ST.3 code, name, country or organisation, contact). Accounts and
 * keys live in the gateway; this is what developers read next to an office's APIs.
 */
package org.ipdex.catalog.office;
