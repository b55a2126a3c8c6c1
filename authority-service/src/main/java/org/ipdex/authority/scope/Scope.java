package org.ipdex.authority.scope;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** One version of the scope, as stored and as answered. */
@Serdeable
public record Scope(int version, Instant createdAt, String createdBy, List<ScopeEntry> entries) {

    public Scope {
        entries = List.copyOf(entries);
    }

    public List<String> offices() {
        return entries.stream().map(ScopeEntry::office).distinct().sorted().toList();
    }
}
