/**
 * Authority editions in the search index: on {@code edition.activated} the edition's records are streamed from
 * authority-service into a fresh index, and the office's aliases are moved onto it in one step.
 */
package org.ipdex.search.authority;
