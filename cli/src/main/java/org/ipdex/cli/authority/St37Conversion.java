package org.ipdex.cli.authority;

import org.ipdex.authority.definition.OfficeDefinitions;
import org.ipdex.authority.ingest.AuthorityRow;
import org.ipdex.authority.ingest.ErrorLog;
import org.ipdex.authority.ingest.IngestProperties;
import org.ipdex.authority.ingest.RawRecord;
import org.ipdex.authority.ingest.Readers;
import org.ipdex.authority.ingest.RecordSource;
import org.ipdex.authority.ingest.RecordValidator;
import org.ipdex.authority.ingest.UpdateCategory;
import org.ipdex.common.problem.ProblemError;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Any delimited file → an ST.37 v2.2 authority file, streaming. Two passes over the input, because the ST.37 head
 * (codes used, date and number ranges, counts per kind) comes before the entries and must describe them: the first
 * counts, the second writes. Each entry goes through the service's {@link RecordValidator}, so what is written is
 * what an upload accepts; an entry it refuses is left out and reported with its line. Memory is constant: one entry
 * and a few counters (duplicates, which need memory per entry, are for {@code ipdex authority validate} to find).
 */
public final class St37Conversion {

    public enum Target { ST37_XML, ST37_CSV }

    /** @param producedOn the file's production date, also the latest publication date accepted */
    public record Request(Path input, MappingFile mapping, String office, Target target, LocalDate producedOn) {
    }

    /** @param errors the first record errors with their lines; {@code rejected} counts them all */
    public record Result(long read, long written, long rejected, Map<String, Long> errorCounts, List<ProblemError> errors) {
    }

    /** Where the entries go, and (CSV) the companion definition file. */
    public record Destination(OutputStream entries, Optional<OutputStream> definitions) {
    }

    private static final int MAX_LISTED = 1000;
    private final Readers readers = Readers.standalone(IngestProperties.defaults());

    public Result convert(Request request, Destination destination) throws IOException {
        OfficeDefinitions declared = request.mapping().definitions();
        ErrorLog errors = new ErrorLog(MAX_LISTED);
        FileStatistics statistics = new FileStatistics();
        long read = pass(request, declared, errors, statistics::add);
        OfficeDefinitions definitions = withUsedCodes(declared, statistics);
        UpdateCategory category = request.mapping().category().orElse(UpdateCategory.FULL);
        try (St37Sink sink = request.target() == Target.ST37_XML ? new St37XmlSink(destination.entries())
                : new St37CsvSink(destination.entries(), destination.definitions())) {
            sink.begin(new St37Sink.Head(request.office(), request.producedOn(), category, definitions, statistics));
            pass(request, declared, new ErrorLog(0), row -> {
                try {
                    sink.entry(row);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            sink.finish();
        }
        return new Result(read, statistics.entries, errors.total(), errors.counts(), errors.listed());
    }

    /** Reads every entry, checks it as an upload would, and hands each accepted one on; returns how many were read. */
    private long pass(Request request, OfficeDefinitions declared, ErrorLog errors, Consumer<AuthorityRow> accepted)
            throws IOException {
        RecordValidator validator = new RecordValidator(request.office(), declared, request.producedOn());
        long read = 0;
        try (RecordSource source = readers.openLocal("delimited", request.input(), request.mapping().columns())) {
            while (source.advance()) {
                read++;
                RawRecord raw = source.current();
                Optional<AuthorityRow> row = validator.check(raw, errors);
                if (row.isPresent() && row.get().delete()) {
                    // an authority file lists what exists; a deletion belongs in a differential upload, not here
                    errors.add(raw.line(), "deletion-not-allowed", "A deletion cannot be written into an authority file");
                } else {
                    row.ifPresent(accepted);
                }
            }
        }
        return read;
    }

    /**
     * The mapping's codes with their descriptions; when it declares none of a sort, the codes the entries use, so
     * that the file defines every code it uses (and re-validates against its own definition part).
     */
    private static OfficeDefinitions withUsedCodes(OfficeDefinitions declared, FileStatistics statistics) {
        return new OfficeDefinitions(declared.kinds().isEmpty() ? undescribed(statistics.kinds, "kind code")
                : declared.kinds(), declared.exceptionCodes().isEmpty()
                ? undescribed(statistics.exceptionCodes, "exception code") : declared.exceptionCodes());
    }

    private static Map<String, String> undescribed(Map<String, Long> used, String what) {
        Map<String, String> codes = new LinkedHashMap<>();
        used.keySet().forEach(code -> codes.put(code, what + " " + code + " (no description in the mapping file)"));
        return codes;
    }
}
