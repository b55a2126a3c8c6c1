package org.ipdex.authority.scope;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes scope version 1 from the CSV shipped inside the service (a copy of the reference list of the offices the
 * former PCT Rule 34.1 named), so a fresh installation can run {@code scope=pct} checks before an administrator
 * has edited anything. It never overwrites an existing scope.
 */
@Singleton
@Requires(property = "ipdex.scope.seed", notEquals = "false")
class ScopeSeeder {

    static final String RESOURCE = "/scope/pct-minimum-documentation.csv";
    private static final Logger LOG = LoggerFactory.getLogger(ScopeSeeder.class);

    private final ScopeStore store;

    ScopeSeeder(ScopeStore store) {
        this.store = store;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (store.seedIfEmpty(read())) {
            LOG.info("PCT minimum documentation scope seeded as version 1 from {}", RESOURCE);
        }
    }

    static List<ScopeEntry> read() {
        try (InputStream in = ScopeSeeder.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<ScopeEntry> entries = new ArrayList<>();
            reader.readLine(); // header: office,kinds,from_year,to_year,source
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", 5);
                entries.add(new ScopeEntry(fields[0].strip(), Arrays.asList(fields[1].strip().split("\\s+")),
                        Integer.parseInt(fields[2].strip()),
                        fields[3].isBlank() ? null : Integer.valueOf(fields[3].strip()),
                        fields.length > 4 ? fields[4].strip() : null));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
