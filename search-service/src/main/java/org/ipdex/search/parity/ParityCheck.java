package org.ipdex.search.parity;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.micronaut.http.client.exceptions.HttpClientException;
import jakarta.inject.Singleton;
import org.ipdex.common.parity.ApiState;
import org.ipdex.common.parity.OfficeState;
import org.ipdex.common.problem.UnavailableException;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares what PostgreSQL says is current (through catalog-service's and authority-service's state endpoints) with
 * what the live indices hold. A difference right after a write is usually feed lag: callers that expect parity
 * (the fault tests) poll until the count is zero.
 */
@Singleton
public class ParityCheck {

    /** Differences listed in one report; a cluster that lost an index would otherwise answer 20,000 lines. */
    static final int MAX_LISTED = 1000;

    private final StateClient states;
    private final IndexContents contents;
    private final Clock clock = Clock.systemUTC();

    ParityCheck(StateClient states, IndexContents contents) {
        this.states = states;
        this.contents = contents;
    }

    /** A side that cannot be read is a 503 problem: a check without both sides would say nothing. */
    public ParityReport run() {
        Instant start = clock.instant();
        Map<String, ApiState> apis;
        Map<String, OfficeState> offices;
        try {
            apis = states.apis();
            offices = states.offices();
        } catch (HttpClientException e) {
            throw new UnavailableException("catalog-service or authority-service cannot be read: " + e.getMessage());
        }
        List<Difference> differences = new ArrayList<>();
        try {
            compareApis(apis, contents.apis(), contents.operations(), differences);
            compareEditions(offices, contents.editions(), differences);
        } catch (IOException | ElasticsearchException e) {
            throw new UnavailableException("Elasticsearch cannot be read: " + e.getMessage());
        }
        long operations = apis.values().stream().mapToLong(ApiState::operationCount).sum();
        long records = offices.values().stream().mapToLong(OfficeState::recordCount).sum();
        return new ParityReport(start, clock.millis() - start.toEpochMilli(), apis.size(), operations,
                offices.size(), records, differences.size(),
                List.copyOf(differences.subList(0, Math.min(MAX_LISTED, differences.size()))));
    }

    private static void compareApis(Map<String, ApiState> database, Map<String, IndexedApi> indexed,
                                    Map<String, IndexedOperations> operations, List<Difference> differences) {
        for (ApiState api : database.values()) {
            IndexedApi document = indexed.get(api.apiId());
            if (document == null) {
                differences.add(new Difference(Difference.MISSING, Difference.API, api.apiId(), version(api), null));
            } else if (document.revision() != api.revision() || document.versionNumber() != api.versionNumber()) {
                differences.add(new Difference(Difference.STALE, Difference.API, api.apiId(), version(api),
                        "version " + document.versionNumber() + ", revision " + document.revision()));
            } else {
                compareOperations(api, operations.get(api.apiId()), differences);
            }
        }
        indexed.keySet().stream().filter(id -> !database.containsKey(id)).sorted().forEach(id -> {
            IndexedApi document = indexed.get(id);
            differences.add(new Difference(Difference.EXTRA, Difference.API, id, null,
                    "version " + document.versionNumber() + ", revision " + document.revision()));
        });
        operations.keySet().stream().filter(id -> !database.containsKey(id)).sorted().forEach(id ->
                differences.add(new Difference(Difference.EXTRA, Difference.OPERATIONS, id, null,
                        operations(operations.get(id).count(), operations.get(id).checksum()))));
    }

    private static void compareOperations(ApiState api, IndexedOperations indexed, List<Difference> differences) {
        long count = indexed == null ? 0 : indexed.count();
        String database = operations(api.operationCount(), api.operationChecksum());
        String index = indexed == null ? operations(0, "") : operations(count, indexed.checksum());
        if (count != api.operationCount()) {
            differences.add(new Difference(Difference.COUNT, Difference.OPERATIONS, api.apiId(), database, index));
        } else if (count > 0 && !indexed.checksum().equals(api.operationChecksum())) {
            differences.add(new Difference(Difference.CHECKSUM, Difference.OPERATIONS, api.apiId(), database, index));
        }
    }

    private static void compareEditions(Map<String, OfficeState> database, Map<String, IndexedEdition> indexed,
                                        List<Difference> differences) {
        for (OfficeState office : database.values()) {
            IndexedEdition index = indexed.get(office.office());
            String expected = edition(office.editionId(), office.recordCount(), office.recordChecksum());
            if (index == null) {
                differences.add(new Difference(Difference.MISSING, Difference.AUTHORITY, office.office(), expected,
                        null));
                continue;
            }
            String actual = edition(index.editionId(), index.recordCount(), index.recordChecksum());
            if (index.editionId() != office.editionId()) {
                differences.add(new Difference(Difference.STALE, Difference.AUTHORITY, office.office(), expected,
                        actual));
            } else if (index.recordCount() != office.recordCount()) {
                differences.add(new Difference(Difference.COUNT, Difference.AUTHORITY, office.office(), expected,
                        actual));
            } else if (!index.recordChecksum().equals(office.recordChecksum())) {
                differences.add(new Difference(Difference.CHECKSUM, Difference.AUTHORITY, office.office(), expected,
                        actual));
            }
        }
        indexed.keySet().stream().filter(office -> !database.containsKey(office)).forEach(office -> {
            IndexedEdition index = indexed.get(office);
            differences.add(new Difference(Difference.EXTRA, Difference.AUTHORITY, office, null,
                    edition(index.editionId(), index.recordCount(), index.recordChecksum())));
        });
    }

    private static String version(ApiState api) {
        return "version " + api.versionNumber() + ", revision " + api.revision();
    }

    private static String operations(long count, String checksum) {
        return count + " operations" + (count == 0 ? "" : ", checksum " + checksum);
    }

    private static String edition(long editionId, long records, String checksum) {
        return "edition " + editionId + ", " + records + " records, checksum " + checksum;
    }
}
