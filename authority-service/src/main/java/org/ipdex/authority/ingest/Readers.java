package org.ipdex.authority.ingest;

import jakarta.inject.Singleton;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.problem.ForbiddenException;
import org.ipdex.common.problem.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finds the reader of a layout and opens a spooled file with it: decompression, limits, the office check. */
@Singleton
public final class Readers {

    private final Map<String, AuthorityFileReader> byLayout;
    private final Unpacker unpacker;

    public Readers(List<AuthorityFileReader> readers, Unpacker unpacker) {
        this.byLayout = readers.stream().collect(Collectors.toMap(AuthorityFileReader::layout, Function.identity()));
        this.unpacker = unpacker;
    }

    /**
     * The readers without a bean context, for the command-line tool. The list names each reader because the bean
     * context is not there to find them: a new layout is added here too (ReadersStandaloneTest compares the two).
     */
    public static Readers standalone(IngestProperties limits) {
        return new Readers(List.of(new St37XmlReader(), new EpoCsvReader(), new UsptoTsvReader(),
                new MappedDelimitedReader()), new Unpacker(limits));
    }

    /** The reader of a layout (e.g. for {@code DefinitionFileReader}, which reads XML definitions with it). */
    public AuthorityFileReader reader(String layout) {
        requireKnown(layout);
        return byLayout.get(layout);
    }

    /** The layouts known, sorted. */
    public List<String> layouts() {
        return byLayout.keySet().stream().sorted().toList();
    }

    /**
     * Opens a file on local disk (plain, gzip or zip) with a layout's reader; no office check, which is the caller's.
     *
     * @param mapping only for the {@code delimited} layout
     */
    public RecordSource openLocal(String layout, java.nio.file.Path file, ColumnMapping mapping) throws IOException {
        requireKnown(layout);
        InputStream in = unpacker.open(file);
        try {
            return byLayout.get(layout).open(in, mapping);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    public void requireKnown(String layout) {
        if (!byLayout.containsKey(layout)) {
            throw InvalidInputException.parameter("layout", "must be one of " + byLayout.keySet().stream().sorted().toList());
        }
    }

    /** Opens the file; its head (root, definition part) is read and the file's office checked. */
    RecordSource open(IngestRequest request, SpooledFile file, AtomicLong consumed) throws IOException {
        requireKnown(request.layout());
        InputStream in = unpacker.open(file.path(), consumed);
        try {
            RecordSource source = byLayout.get(request.layout()).open(in, request.mapping().orElse(null));
            Optional<String> office = source.header().office();
            if (office.isPresent()) {
                requireSameOffice(office.get(), request, 0);
            }
            return source;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Reads the head and the first entry now, so that an upload of another office's file, a file that is not of
     * the layout, empty or a bomb is refused in the answer to the upload rather than later in a report.
     */
    public void preflight(IngestRequest request, SpooledFile file) throws IOException {
        try (RecordSource source = open(request, file, new AtomicLong())) {
            if (source.advance()) {
                checkFirstEntry(source.current(), request);
            }
        } catch (MalformedFileException e) {
            throw asProblem(e);
        }
    }

    /** A structural error as the problem the uploader sees: what is wrong, and where. */
    static InvalidInputException asProblem(MalformedFileException e) {
        return new InvalidInputException(e.getMessage(), e.line() > 0
                ? List.of(org.ipdex.common.problem.ProblemError.atLine(e.line(), e.column(), e.getMessage())) : List.of());
    }

    /** A delimited file has no header: its first entry's office is the file's office. */
    static void checkFirstEntry(RawRecord first, IngestRequest request) {
        String office = first.office();
        if (office.isEmpty() && first.number().length() > 2 && Character.isLetter(first.number().charAt(0))
                && Character.isLetter(first.number().charAt(1))) {
            String prefix = first.number().substring(0, 2).toUpperCase(Locale.ROOT);
            office = prefix.equals("RE") || prefix.equals("PP") ? "" : prefix;
        }
        if (!office.isEmpty()) {
            requireSameOffice(office, request, first.line());
        }
    }

    private static void requireSameOffice(String fileOffice, IngestRequest request, long line) {
        String office = fileOffice.strip().toUpperCase(Locale.ROOT);
        if (office.equals(request.office())) {
            return;
        }
        Identity uploader = request.uploader();
        if (!uploader.mayActFor(office)) {
            throw new ForbiddenException("The file is an authority file of office " + office
                    + (line > 0 ? " (line " + line + ")" : "") + "; this key may upload files of "
                    + uploader.office().orElse("no office") + " only");
        }
        throw new InvalidInputException("The file is an authority file of office " + office + ", uploaded to office "
                + request.office(), List.of(org.ipdex.common.problem.ProblemError.atLine(Math.max(1, line), null,
                "office " + office)));
    }
}
