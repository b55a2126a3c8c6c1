package org.ipdex.authority.ingest;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.ipdex.authority.definition.DefinitionStore;
import org.ipdex.authority.definition.OfficeDefinitions;
import org.ipdex.authority.edition.Edition;
import org.ipdex.authority.edition.Editions;
import org.ipdex.authority.edition.IngestProgress;
import org.ipdex.authority.edition.StatisticRow;
import org.ipdex.common.problem.ApiException;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.ProblemError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bulk path of one edition: reader → validator → binary COPY into the edition's own table → unique index
 * (which finds duplicates) → activation. Memory stays constant: one entry in flight, counters, and the first
 * {@code maxListedErrors} errors. A file rejected for any reason leaves the active set untouched (its table is
 * rolled back with the load's transaction).
 */
@Singleton
public class EditionIngester {

    private static final Logger LOG = LoggerFactory.getLogger(EditionIngester.class);

    private final Readers readers;
    private final EditionLoader loader;
    private final DefinitionStore definitions;
    private final Editions editions;
    private final IngestProgress progress;
    private final IngestProperties properties;
    private final JsonMapper json;
    private final RecordRetention retention;

    public EditionIngester(Readers readers, EditionLoader loader, DefinitionStore definitions, Editions editions,
                           IngestProgress progress, IngestProperties properties, JsonMapper json,
                           RecordRetention retention) {
        this.retention = retention;
        this.readers = readers;
        this.loader = loader;
        this.definitions = definitions;
        this.editions = editions;
        this.progress = progress;
        this.properties = properties;
        this.json = json;
    }

    /** How an ingest ended; {@code problem} is set when the file was rejected or the ingest failed. */
    public record Result(long editionId, String status, Optional<ApiException> problem) {
    }

    /** Record errors above the limit, or one in strict mode: the whole file is rejected. */
    private static final class TooManyErrors extends RuntimeException {
        TooManyErrors(String message) {
            super(message);
        }
    }

    /**
     * @param started counted down once the edition's lock is held, so that the caller may answer 202 knowing a
     *                restart-time recovery will not mistake this edition for an abandoned one
     */
    public Result ingest(long editionId, IngestRequest request, SpooledFile file, Runnable started) {
        IngestProgress.Tracker tracker = progress.start(editionId, file.size());
        ErrorLog errors = new ErrorLog(properties.maxListedErrors());
        Counters counters = new Counters();
        UpdateCategory category = request.category().orElse(UpdateCategory.FULL);
        try (BulkSession bulk = loader.begin(editionId, request.office())) {
            started.run();
            tracker.stage = "waiting"; // for another edition of the office to finish
            bulk.lockOffice();
            tracker.stage = "reading";
            try (RecordSource source = readers.open(request, file, tracker.bytesRead)) {
                FileHeader header = source.header();
                category = request.category().or(header::category).orElse(UpdateCategory.FULL);
                OfficeDefinitions codes = header.definitions();
                counters.definitionsFrom = codes.isEmpty() ? "stored" : "file";
                if (codes.isEmpty()) {
                    codes = definitions.find(request.office());
                    counters.definitionsFrom = codes.isEmpty() ? "none" : "stored";
                }
                RecordValidator validator = new RecordValidator(request.office(), codes, LocalDate.now());
                SetStatistics statistics = new SetStatistics();
                CopyEncoder copy = bulk.startCopy(category == UpdateCategory.FULL);
                while (source.advance()) {
                    RawRecord raw = source.current();
                    if (counters.read++ == 0) {
                        Readers.checkFirstEntry(raw, request);
                    }
                    Optional<AuthorityRow> row = validator.check(raw, errors);
                    if (row.isPresent() && row.get().delete() && category != UpdateCategory.DIFFERENTIAL) {
                        errors.add(raw.line(), "deletion-not-allowed", "Deletions belong in differential files only");
                        row = Optional.empty();
                    }
                    if (row.isPresent()) {
                        copy.write(editionId, row.get());
                        counters.deletions += row.get().delete() ? 1 : 0;
                        statistics.add(row.get());
                    } else if (request.strict()) {
                        throw new TooManyErrors("Strict mode: rejected at the first record error");
                    }
                    if ((counters.read & 0xFFF) == 0) {
                        tracker.rows = counters.read;
                    }
                }
                tracker.rows = counters.read;
                copy.finish();
                long copied = System.nanoTime();
                if (counters.read == 0) {
                    throw new MalformedFileException("The file holds no entries");
                }
                tracker.stage = "indexing";
                long duplicates = bulk.removeDuplicates(errors, properties.maxListedErrors());
                checkErrorRate(request, errors, counters.read);
                long base = 0;
                EditionSummary summary;
                List<StatisticRow> statisticRows;
                if (category == UpdateCategory.FULL && duplicates == 0) {
                    summary = statistics.summary();
                    statisticRows = statistics.rows();
                    counters.setSize = summary.records();
                } else {
                    if (category != UpdateCategory.FULL) {
                        base = editions.activeEditionId(request.office()).orElse(0);
                        counters.deletionsNotFound = bulk.applyOnBase(base);
                    }
                    counters.setSize = bulk.setSize();
                    statisticRows = bulk.statistics();
                    LocalDate[] dates = bulk.dateRange();
                    summary = SetStatistics.fromDatabase(counters.setSize, statisticRows, bulk.exceptionCounts(),
                            dates[0], dates[1]);
                }
                long indexed = System.nanoTime();
                bulk.commit();
                long committed = System.nanoTime();
                if (!header.definitions().isEmpty()) {
                    definitions.replace(request.office(), header.definitions());
                }
                tracker.stage = "activating";
                long accepted = counters.read - errors.total();
                editions.finish(editionId, new Editions.Outcome(Edition.INGESTING, category.id(),
                        header.producedOn(), accepted, errors.total(), report("activated", null, counters, errors),
                        Optional.of(toJson(summary)), Optional.of(counters.setSize),
                        base > 0 ? Optional.of(base) : Optional.empty()));
                editions.activate(new Editions.Activation(editionId, request.office(), category.id(),
                        counters.setSize, header.producedOn(), statisticRows));
                trimQuietly(request.office());
                LOG.info("Edition {} of {}: {} entries read in {} ms, indexed and checked in {} ms, analysed and "
                        + "committed in {} ms, activated in {} ms", editionId, request.office(), counters.read,
                        (copied - tracker.startedNanos) / 1_000_000, (indexed - copied) / 1_000_000,
                        (committed - indexed) / 1_000_000, (System.nanoTime() - committed) / 1_000_000);
                return new Result(editionId, Edition.ACTIVE, Optional.empty());
            }
        } catch (MalformedFileException e) {
            InvalidInputException problem = Readers.asProblem(e);
            return reject(editionId, category, counters, errors, problem, problem.errors());
        } catch (TooManyErrors e) {
            return reject(editionId, category, counters, errors, new InvalidInputException(
                    "Edition " + editionId + " rejected: " + e.getMessage(), errors.listed()), List.of());
        } catch (ApiException e) {
            return reject(editionId, category, counters, errors, e, e.errors());
        } catch (Exception e) {
            LOG.error("Ingest of edition {} failed", editionId, e);
            loader.dropTable(editionId);
            editions.finish(editionId, new Editions.Outcome(Edition.FAILED, category.id(), Optional.empty(),
                    0, errors.total(), report("failed", "Internal error: " + e.getClass().getSimpleName(), counters,
                            errors), Optional.empty(), Optional.empty(), Optional.empty()));
            return new Result(editionId, Edition.FAILED, Optional.of(new org.ipdex.common.problem.UnavailableException(
                    "Ingest of edition " + editionId + " failed; the active data is unchanged")));
        } finally {
            progress.end(editionId);
        }
    }

    /** Dropping old record sets is housekeeping: a failure is logged and retried by the schedule, never fatal. */
    private void trimQuietly(String office) {
        try {
            retention.trim(office);
        } catch (RuntimeException e) {
            LOG.warn("Retention after activating an edition of {} failed", office, e);
        }
    }

    private void checkErrorRate(IngestRequest request, ErrorLog errors, long read) {
        Optional<String> rejection = errors.rejection(read, request.strict(), properties.maxErrorRate());
        if (rejection.isPresent()) {
            throw new TooManyErrors(rejection.get());
        }
    }

    private Result reject(long editionId, UpdateCategory category, Counters counters, ErrorLog errors,
                          ApiException problem, List<ProblemError> structural) {
        editions.finish(editionId, new Editions.Outcome(Edition.REJECTED, category.id(), Optional.empty(),
                0, errors.total(), report("rejected", problem.getMessage(), counters, errors, structural),
                Optional.empty(), Optional.empty(), Optional.empty()));
        return new Result(editionId, Edition.REJECTED, Optional.of(problem));
    }

    private String report(String outcome, String detail, Counters counters, ErrorLog errors) {
        return report(outcome, detail, counters, errors, List.of());
    }

    private String report(String outcome, String detail, Counters counters, ErrorLog errors, List<ProblemError> structural) {
        List<ProblemError> listed = new ArrayList<>(structural);
        long errorCount = errors.total();
        listed.addAll(errors.listed());
        Map<String, Long> counts = errors.counts();
        List<String> notes = new ArrayList<>();
        if ("none".equals(counters.definitionsFrom)) {
            notes.add("The office has defined no kind or exception codes: only their shape was checked");
        }
        return toJson(new IngestReport(outcome, detail, counters.read, Math.max(0, counters.read - errorCount),
                errorCount, counts, listed, counters.definitionsFrom,
                counters.deletions > 0 ? counters.deletions : null,
                counters.deletionsNotFound > 0 ? counters.deletionsNotFound : null, notes));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Counters {
        long read;
        long deletions;
        long deletionsNotFound;
        long setSize;
        String definitionsFrom;
    }
}
