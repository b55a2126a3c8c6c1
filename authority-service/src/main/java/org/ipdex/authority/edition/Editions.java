package org.ipdex.authority.edition;

import jakarta.inject.Singleton;
import org.ipdex.common.problem.InvalidInputException;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The port through which the other features reach editions: the ingest creates an edition, records how reading
 * it ended and activates it; the upload answers with it; the feed streams an accepted one. The stores behind it
 * are this package's own, so an upload passes through here on its way down and never comes back up.
 */
@Singleton
public final class Editions {

    /** What is known when an upload is accepted for reading. */
    public record NewEdition(String office, String category, String layout, String checksum, String uploadedBy,
                             Optional<String> sourceUrl, Optional<String> fileName, long bytes) {
    }

    /** What is known when reading ended, accepted or not. */
    public record Outcome(String status, String category, Optional<LocalDate> producedOn, long recordsTotal,
                          long recordsRejected, String reportJson, Optional<String> summaryJson, Optional<Long> setSize,
                          Optional<Long> baseEditionId) {
    }

    /** The edition to activate: its record table is built and committed. */
    public record Activation(long editionId, String office, String category, long recordCount,
                             Optional<LocalDate> producedOn, List<StatisticRow> statistics) {
    }

    private final EditionStore store;
    private final EditionActivator activator;
    private final EditionViews views;

    Editions(EditionStore store, EditionActivator activator, EditionViews views) {
        this.store = store;
        this.activator = activator;
        this.views = views;
    }

    /** An office's code as a path gives it: the two letters of ST.3, in either case. */
    public static String officeCode(String office) {
        String code = office.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            throw InvalidInputException.parameter("office", "must be a two-letter ST.3 code");
        }
        return code;
    }

    /** @return the new edition's id; it is {@code ingesting} until {@link #finish} */
    public long create(NewEdition edition) {
        return store.create(edition);
    }

    /** Records how reading ended; an accepted edition becomes active only through {@link #activate}. */
    public void finish(long editionId, Outcome outcome) {
        store.finish(editionId, outcome);
    }

    /** Makes a built edition the office's active set, with its feed event, in one transaction. */
    public void activate(Activation activation) {
        activator.activate(activation);
    }

    /** See {@link EditionStore#findSameFile}. */
    public Optional<Edition> findSameFile(String office, String checksum) {
        return store.findSameFile(office, checksum);
    }

    public OptionalLong activeEditionId(String office) {
        return store.activeEditionId(office);
    }

    /** The editions left {@code ingesting}, oldest first. */
    public List<Long> ingesting() {
        return store.ingesting();
    }

    /** @throws org.ipdex.common.problem.NotFoundException when there is no such edition */
    public Edition edition(long editionId) {
        return views.edition(editionId);
    }

    /** The edition as the API shows it, with the progress of its ingest while one runs. */
    public EditionResponse view(long editionId) {
        return views.get(editionId);
    }
}
