/** Breaking-change diff between two versions of a spec, with request/response direction. See README.md. */
package org.ipdex.catalog.diff;
