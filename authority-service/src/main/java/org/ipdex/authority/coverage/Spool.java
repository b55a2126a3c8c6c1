package org.ipdex.authority.coverage;

import org.ipdex.common.problem.PayloadTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Uploads wait on disk for their job, so the HTTP request ends (202) as soon as the bytes are in, the client may go
 * away, and the job can tell how far it has read (bytes read of bytes stored gives the ETA).
 */
final class Spool {

    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);

    private final Path directory;

    Spool(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the coverage spool directory " + directory, e);
        }
    }

    Path file(long id) {
        return directory.resolve("coverage-" + id + ".upload");
    }

    /** Stores the body as it arrives; returns its size. */
    static long store(InputStream body, Path file, long limit) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                total += n;
                if (total > limit) {
                    throw new PayloadTooLargeException("The collection is larger than " + limit + " bytes");
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete the spooled upload {}: {}", file, e.toString());
        }
    }

    /** Counts the bytes read from the stored upload (compressed bytes for gzip), for progress. */
    static final class Counting extends FilterInputStream {
        private volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
