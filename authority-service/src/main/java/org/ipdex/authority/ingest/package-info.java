/**
 * Reading authority files into editions: the upload API, one {@link org.ipdex.authority.ingest.AuthorityFileReader}
 * per layout (and the definition-file reader), decompression with bomb limits, validation, binary COPY into the
 * edition's own table, the job that runs it, and retention of old record tables. Editions are reached through
 * {@link org.ipdex.authority.edition.Editions}. See README.md beside this file for the data flow, the limits and how
 * deletions are written.
 */
package org.ipdex.authority.ingest;
