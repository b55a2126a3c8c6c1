/**
 * Reading authority files into editions: one {@link org.ipdex.authority.ingest.AuthorityFileReader} per layout,
 * decompression with bomb limits, validation, binary COPY into the edition's own table, and the job that runs it.
 * See README.md beside this file for the data flow, the limits and how deletions are written.
 */
package org.ipdex.authority.ingest;
