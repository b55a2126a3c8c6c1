package org.ipdex.authority.ingest;

import org.ipdex.authority.definition.OfficeDefinitions;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.ProblemError;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The validation report of an authority file on local disk, with no database: the readers, record checks, duplicate
 * rule and error-rate threshold of an upload ({@link EditionIngester}), so that an office sees before it uploads
 * what the service would answer. Used by the command-line tool ({@code ipdex authority validate}). Streams like the
 * ingest; the only memory that grows is the duplicate check's ({@link DuplicateKeys}). A structural error (not
 * well-formed, wrong root, not UTF-8, a bomb) is thrown as {@link MalformedFileException}, as in the service.
 */
public final class FileValidation {

    /**
     * @param office      the office the file is for; empty: the one the file names (root, or its first entry)
     * @param definitions kind and exception codes to check against when the file defines none (a definition file)
     */
    public record Options(String layout, Optional<String> office, Optional<ColumnMapping> mapping,
                          Optional<UpdateCategory> category, OfficeDefinitions definitions, Thresholds thresholds) {
    }

    /** @param strict reject the file at any record error, as {@code strict=true} does on upload */
    public record Thresholds(double maxErrorRate, int maxListedErrors, boolean strict) {

        public static Thresholds of(IngestProperties properties) {
            return new Thresholds(properties.maxErrorRate(), properties.maxListedErrors(), false);
        }
    }

    private final Readers readers;

    public FileValidation(Readers readers) {
        this.readers = readers;
    }

    /** @return outcome {@code accepted} (the service would activate it) or {@code rejected}, with every count */
    public IngestReport validate(Path file, Options options) throws IOException {
        Thresholds limits = options.thresholds();
        ErrorLog errors = new ErrorLog(limits.maxListedErrors());
        DuplicateKeys keys = new DuplicateKeys();
        long read = 0;
        long deletions = 0;
        try (RecordSource source = readers.openLocal(options.layout(), file, options.mapping().orElse(null))) {
            FileHeader header = source.header();
            UpdateCategory category = options.category().or(header::category).orElse(UpdateCategory.FULL);
            OfficeDefinitions codes = header.definitions().isEmpty() ? options.definitions() : header.definitions();
            String definitionsFrom = !header.definitions().isEmpty() ? "file" : codes.isEmpty() ? "none" : "given";
            RecordValidator validator = null;
            String office = null;
            while (source.advance()) {
                RawRecord raw = source.current();
                if (read++ == 0) {
                    office = office(options.office(), header, raw);
                    validator = new RecordValidator(office, codes, LocalDate.now());
                }
                Optional<AuthorityRow> row = validator.check(raw, errors);
                if (row.isPresent() && row.get().delete() && category != UpdateCategory.DIFFERENTIAL) {
                    errors.add(raw.line(), "deletion-not-allowed", "Deletions belong in differential files only");
                } else if (row.isPresent()) {
                    deletions += row.get().delete() ? 1 : 0;
                    long first = keys.firstLine(row.get().numberKey(), row.get().kind(), raw.line());
                    if (first > 0) {
                        errors.add(raw.line(), RecordValidator.DUPLICATE, "Duplicate of line " + first + ": "
                                + row.get().numberKey() + row.get().kind());
                    }
                }
            }
            if (read == 0) {
                throw new MalformedFileException("The file holds no entries");
            }
            Optional<String> rejection = errors.rejection(read, limits.strict(), limits.maxErrorRate());
            List<String> notes = new ArrayList<>();
            if ("none".equals(definitionsFrom)) {
                notes.add("The file defines no kind or exception codes and none were given: only their shape was checked");
            }
            return new IngestReport(rejection.isPresent() ? "rejected" : "accepted", rejection.orElse(null), read,
                    Math.max(0, read - errors.total()), errors.total(), errors.counts(), errors.listed(),
                    definitionsFrom, deletions > 0 ? deletions : null, null, notes);
        }
    }

    /** The office asked for, which the file must not contradict; else the one the file names. */
    private static String office(Optional<String> asked, FileHeader header, RawRecord first) {
        Optional<String> named = header.office().or(() -> officeOfEntry(first)).map(o -> o.strip().toUpperCase(Locale.ROOT));
        if (asked.isPresent() && named.isPresent() && !named.get().equals(asked.get())) {
            throw new InvalidInputException("The file is an authority file of office " + named.get() + ", not "
                    + asked.get(), List.of(ProblemError.atLine(Math.max(1, first.line()), null, "office " + named.get())));
        }
        return asked.or(() -> named).orElseThrow(() -> InvalidInputException.parameter("office",
                "the file names no office: say which office it is for"));
    }

    /** A delimited file's office: its office column, else the two letters its first number starts with. */
    private static Optional<String> officeOfEntry(RawRecord first) {
        if (!first.office().isEmpty()) {
            return Optional.of(first.office());
        }
        String number = first.number();
        if (number.length() > 2 && Character.isLetter(number.charAt(0)) && Character.isLetter(number.charAt(1))) {
            String prefix = number.substring(0, 2).toUpperCase(Locale.ROOT);
            return prefix.equals("RE") || prefix.equals("PP") ? Optional.empty() : Optional.of(prefix);
        }
        return Optional.empty();
    }
}
