package org.ipdex.catalog.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/** Records a change; call it inside the transaction that makes the change, so both commit or neither does. */
@Singleton
public class AuditLog {

    /**
     * @param apiId  null for a change that is not about one API (an office profile)
     * @param detail what changed, small: the fields of a patch, a version's sha and verdict
     */
    public record Change(AuditAction action, String officeCode, @Nullable String apiId, @Nullable Integer version,
                         Map<String, Object> detail) {
    }

    private final AuditRepository entries;
    private final JsonMapper json;

    public AuditLog(AuditRepository entries, JsonMapper json) {
        this.entries = entries;
        this.json = json;
    }

    public void record(String actor, Change change) {
        try {
            entries.save(new AuditEntry(null, change.apiId(), change.officeCode(), change.version(),
                    change.action().code(), actor, json.writeValueAsString(change.detail()), Instant.now()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
