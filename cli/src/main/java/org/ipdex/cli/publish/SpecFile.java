package org.ipdex.cli.publish;

import org.ipdex.catalog.spec.SpecLimits;
import org.ipdex.cli.CliFailure;
import org.ipdex.cli.Failures;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A spec file to publish, read once: its text (the typed client sends a spec as a string) and the SHA-256 of its
 * bytes, which is how the catalogue recognises an upload equal to the latest version. The size is checked before
 * anything is read, against the catalogue's own default limit.
 */
record SpecFile(byte[] bytes, String text, String sha256) {

    static SpecFile read(Path file) {
        String subject = file.toString();
        if (Files.isDirectory(file)) {
            throw CliFailure.input(subject + ": is a folder; publish takes one JSON or YAML file");
        }
        try {
            long size = Files.size(file);
            long limit = SpecLimits.defaults().maxSpecSize();
            if (size > limit) {
                throw CliFailure.input(String.format(Locale.ROOT, "%s: %.1f MB is more than a spec may be (%.0f MB)",
                        subject, size / 1048576.0, limit / 1048576.0));
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K') {
                throw CliFailure.input(subject + ": is a zip bundle; publish takes one JSON or YAML file");
            }
            return new SpecFile(bytes, utf8(subject, bytes), HexFormat.of().formatHex(sha256(bytes)));
        } catch (IOException e) {
            throw Failures.about(subject, e);
        }
    }

    private static String utf8(String subject, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw CliFailure.input(subject + ": is not UTF-8 text");
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
