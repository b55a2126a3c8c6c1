package org.ipdex.authority.coverage;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.ipdex.common.problem.ConflictException;
import org.ipdex.common.problem.NotFoundException;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

/** Reading checks back: status and progress, the report, the kept lists. */
@Singleton
class CoverageChecks {

    private final CoverageCheckStore store;
    private final DataSource dataSource;
    private final JsonMapper json;

    CoverageChecks(CoverageCheckStore store, DataSource dataSource, JsonMapper json) {
        this.store = store;
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource); // plain pooled connections, no ambient transaction
        this.json = json;
    }

    CoverageCheckResponse get(String checkId) {
        StoredCheck check = find(checkId);
        return new CoverageCheckResponse(check.checkId(), check.name(), check.status(), check.phase(),
                read(check.scopeJson(), CheckScope.class), check.createdAt(), check.startedAt(), check.finishedAt(),
                progress(check), check.error(),
                check.reportJson() == null ? null : read(check.reportJson(), CoverageReport.class));
    }

    CoverageReport.Changes changes(String checkId) {
        CoverageReport report = read(done(find(checkId)).reportJson(), CoverageReport.class);
        if (report.changes() == null) {
            throw new NotFoundException("No earlier finished check of the same named collection against the same "
                    + "scope; give checks a name to follow a collection over time");
        }
        return report.changes();
    }

    InputStream missing(String checkId) {
        long id = done(find(checkId)).id();
        return new CsvListStream(dataSource, "SELECT office, substr(number_key, 3), kind, publication_date "
                + "FROM coverage_missing WHERE check_id = " + id + " ORDER BY number_key, kind",
                "office,number,kind,publicationDate");
    }

    InputStream extra(String checkId) {
        long id = done(find(checkId)).id();
        return new CsvListStream(dataSource, "SELECT office, substr(number_key, 3), kind, NULL, line "
                + "FROM coverage_extra WHERE check_id = " + id + " ORDER BY line",
                "office,number,kind,publicationDate,line");
    }

    private StoredCheck find(String checkId) {
        return store.find(checkId).orElseThrow(() -> new NotFoundException("No coverage check " + checkId));
    }

    private static StoredCheck done(StoredCheck check) {
        if (!"done".equals(check.status())) {
            throw new ConflictException("The check is " + check.status() + "; its lists exist once it is done");
        }
        return check;
    }

    private static CoverageCheckResponse.Progress progress(StoredCheck check) {
        Long rate = null;
        Long eta = null;
        if (check.startedAt() != null && "running".equals(check.status())) {
            double seconds = Math.max(0.001, Duration.between(check.startedAt(), Instant.now()).toMillis() / 1000.0);
            rate = Math.round(check.rowsRead() / seconds);
            if ("reading".equals(check.phase()) && check.bytesTotal() != null && check.bytesRead() > 0) {
                eta = Math.round(seconds * (check.bytesTotal() - check.bytesRead()) / check.bytesRead());
            }
        }
        long bytesRead = "done".equals(check.status()) && check.bytesTotal() != null ? check.bytesTotal() : check.bytesRead();
        return new CoverageCheckResponse.Progress(check.bytesTotal(), bytesRead, check.rowsRead(), rate, eta);
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
