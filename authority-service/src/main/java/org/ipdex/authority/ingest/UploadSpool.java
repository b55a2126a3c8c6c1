package org.ipdex.authority.ingest;

import jakarta.inject.Singleton;
import org.ipdex.common.problem.PayloadTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Streams an upload to a local file while hashing it: never the whole body in memory, and the checksum is known
 * before any reading starts (an identical re-upload changes nothing). The file also lets the ingest run as a job
 * that survives the client disconnecting.
 *
 * <p>A file's name carries the pid of the process that spooled it: the job deletes its file when it ends, but a
 * killed process never does, and a restart must tell such leftovers (as large as the upload) from the uploads of a
 * live process sharing the directory.
 */
@Singleton
public final class UploadSpool {

    private static final Logger LOG = LoggerFactory.getLogger(UploadSpool.class);
    private static final Pattern NAME = Pattern.compile("upload-(\\d+)-\\d+\\.bin");
    private static final long PID = ProcessHandle.current().pid();

    private final IngestProperties properties;

    public UploadSpool(IngestProperties properties) {
        this.properties = properties;
    }

    public SpooledFile receive(InputStream body) throws IOException {
        Path directory = directory();
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "upload-" + PID + "-", ".bin");
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

    /**
     * Deletes the files of processes that no longer run. Only at start-up, before this process spools anything:
     * then a file with its own pid is a predecessor's (in a container every incarnation has the same pid).
     */
    void removeLeftovers() {
        Path directory = directory();
        if (!Files.isDirectory(directory)) {
            return;
        }
        long bytes = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (name.matches() && !isLive(Long.parseLong(name.group(1)))) {
                    long size = Files.size(file);
                    Files.deleteIfExists(file);
                    bytes += size;
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not clear the spool directory {} of stopped processes' uploads", directory, e);
        }
        if (bytes > 0) {
            LOG.warn("Deleted {} bytes of uploads that stopped processes left in {}", bytes, directory);
        }
    }

    private static boolean isLive(long pid) {
        return pid != PID && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private Path directory() {
        return properties.spoolDirectory() == null
                ? Path.of(System.getProperty("java.io.tmpdir"), "ipdex-ingest") : Path.of(properties.spoolDirectory());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
