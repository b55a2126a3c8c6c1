package org.ipdex.authority.ingest;

import jakarta.inject.Singleton;
import org.ipdex.common.problem.PayloadTooLargeException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens an uploaded file as plain text whatever it came as — plain, gzip or zip, told apart by their magic
 * bytes, not by a name — with limits on what it may expand to: a decompressed size, and a ratio to the compressed
 * size (a few kilobytes of gzip can expand to terabytes). Zip entries whose names would escape a directory are
 * refused: ipdex never writes entries to disk, but such a name marks a hostile archive.
 */
@Singleton
public final class Unpacker {

    /** Small files may compress better than the ratio without being bombs. */
    private static final long RATIO_FREE_BYTES = 16L << 20;

    private final IngestProperties properties;

    public Unpacker(IngestProperties properties) {
        this.properties = properties;
    }

    /** The decompressed content; the caller closes it. */
    public InputStream open(Path file) throws IOException {
        return open(file, new java.util.concurrent.atomic.AtomicLong());
    }

    /** @param consumed counts the bytes of the file read so far (plain and gzip), for progress */
    public InputStream open(Path file, java.util.concurrent.atomic.AtomicLong consumed) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new MalformedFileException("The file is empty (0 bytes)");
        }
        byte[] magic = new byte[4];
        try (InputStream head = Files.newInputStream(file)) {
            int read = head.readNBytes(magic, 0, 4);
            if (read >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
                InputStream gzip = new GZIPInputStream(new BufferedInputStream(counting(file, consumed), 1 << 16), 1 << 16);
                return new Bounded(gzip, size, properties);
            }
            if (read == 4 && magic[0] == 'P' && magic[1] == 'K' && (magic[2] == 3 || magic[2] == 5)) {
                return zipEntry(file, size);
            }
        }
        return new BufferedInputStream(counting(file, consumed), 1 << 16);
    }

    private static InputStream counting(Path file, java.util.concurrent.atomic.AtomicLong consumed) throws IOException {
        return new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    consumed.addAndGet(read);
                }
                return read;
            }
        };
    }

    private InputStream zipEntry(Path file, long size) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new MalformedFileException("Not a readable zip archive: " + e.getMessage());
        }
        try {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            for (ZipEntry entry : entries) {
                if (escapes(entry.getName())) {
                    throw new MalformedFileException("Zip entry '" + entry.getName() + "' points outside the archive");
                }
            }
            ZipEntry chosen = entries.stream().filter(entry -> !entry.isDirectory() && isAuthorityFile(entry.getName()))
                    .max(Comparator.comparingLong(ZipEntry::getSize))
                    .orElseThrow(() -> new MalformedFileException("The zip archive holds no authority file"));
            InputStream entryStream = zip.getInputStream(chosen);
            return new Bounded(entryStream, size, properties) {
                @Override
                public void close() throws IOException {
                    super.close();
                    zip.close();
                }
            };
        } catch (RuntimeException | IOException e) {
            zip.close();
            throw e;
        }
    }

    static boolean escapes(String name) {
        String path = name.replace('\\', '/');
        return path.startsWith("/") || path.matches("^[A-Za-z]:.*") || path.equals("..") || path.startsWith("../")
                || path.contains("/../") || path.endsWith("/..") || path.indexOf('\0') >= 0;
    }

    /** Archives come with the DTD, a PDF remark or a definition file beside the authority file. */
    private static boolean isAuthorityFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !(lower.endsWith(".dtd") || lower.endsWith(".pdf") || lower.endsWith(".xsd") || lower.contains("definition")
                || lower.startsWith("__macosx/"));
    }

    /** Counts what comes out; refuses past the limits; turns a truncated stream into a clear file error. */
    static class Bounded extends FilterInputStream {

        private final long compressedSize;
        private final long maxBytes;
        private final long ratioLimit;
        private long produced;

        Bounded(InputStream in, long compressedSize, IngestProperties limits) {
            super(in);
            this.compressedSize = compressedSize;
            this.maxBytes = limits.maxDecompressedBytes();
            this.ratioLimit = Math.max(RATIO_FREE_BYTES, compressedSize * (long) limits.maxCompressionRatio());
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read;
            try {
                read = super.read(buffer, offset, length);
            } catch (EOFException | ZipException e) {
                throw new MalformedFileException("The compressed data is truncated or corrupt (" + e.getMessage() + ")");
            }
            if (read > 0) {
                produced += read;
                if (produced > maxBytes) {
                    throw new PayloadTooLargeException("The file decompresses to more than " + maxBytes + " bytes");
                }
                if (produced > ratioLimit) {
                    throw new PayloadTooLargeException("The file expands more than " + (produced / compressedSize)
                            + " times its compressed size: refused as a compression bomb");
                }
            }
            return read;
        }
    }
}
