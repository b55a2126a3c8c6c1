package org.ipdex.cli.authority;

import org.ipdex.authority.ingest.IngestProperties;
import org.ipdex.authority.ingest.Unpacker;
import org.ipdex.cli.CliFailure;
import org.ipdex.cli.Failures;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The layout of a file when none is given: the service asks the uploader for it, but on a desk the file's first
 * line tells (XML, semicolons as the EPO writes, tabs as the USPTO writes). Reads through the service's
 * {@link Unpacker}, so gzip and zip files are looked into as on upload.
 */
final class LayoutGuess {

    private LayoutGuess() {
    }

    static String of(Path file) {
        return guess(file).orElseThrow(() -> CliFailure.input(file + ": not XML, and its first line has neither ';' "
                + "nor tabs: give --layout, or --mapping MAP.yaml for another delimited layout"));
    }

    /** The layout the file's first line shows; empty when it shows none. */
    static Optional<String> guess(Path file) {
        byte[] head;
        try (InputStream in = new Unpacker(IngestProperties.defaults()).open(file)) {
            head = in.readNBytes(4096);
        } catch (IOException | RuntimeException e) {
            throw Failures.about(file.toString(), e);
        }
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (text.startsWith("<")) {
            return Optional.of("st37-xml");
        }
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        if (first.indexOf(';') >= 0) {
            return Optional.of("epo-csv");
        }
        if (first.indexOf('\t') >= 0) {
            return Optional.of("uspto-tsv");
        }
        return Optional.empty();
    }
}
