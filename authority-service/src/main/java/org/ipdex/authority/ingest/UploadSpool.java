package org.ipdex.authority.ingest;

import jakarta.inject.Singleton;
import org.ipdex.common.problem.PayloadTooLargeException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streams an upload to a local file while hashing it: never the whole body in memory, and the checksum is known
 * before any reading starts (an identical re-upload changes nothing). The file also lets the ingest run as a job
 * that survives the client disconnecting.
 */
@Singleton
public final class UploadSpool {

    private final IngestProperties properties;

    public UploadSpool(IngestProperties properties) {
        this.properties = properties;
    }

    public SpooledFile receive(InputStream body) throws IOException {
        Path directory = properties.spoolDirectory() == null
                ? Path.of(System.getProperty("java.io.tmpdir"), "ipdex-ingest") : Path.of(properties.spoolDirectory());
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "upload-", ".bin");
        MessageDigest digest = sha256();
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                size += read;
                if (size > properties.maxUploadBytes()) {
                    throw new PayloadTooLargeException("The file is larger than " + properties.maxUploadBytes() + " bytes");
                }
                digest.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new SpooledFile(file, size, HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
