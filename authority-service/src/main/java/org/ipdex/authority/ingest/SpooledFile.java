package org.ipdex.authority.ingest;

import java.nio.file.Path;

/** An upload on local disk, with the SHA-256 of its bytes as received (compressed or not). */
public record SpooledFile(Path path, long size, String sha256) {
}
