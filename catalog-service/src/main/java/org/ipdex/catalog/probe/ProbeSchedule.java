package org.ipdex.catalog.probe;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** The probe timer; switched off with {@code ipdex.catalog.probe.enabled: false} (the tests drive the prober). */
@Singleton
@Requires(property = "ipdex.catalog.probe.enabled", notEquals = "false")
class ProbeSchedule {

    private final EndpointProber prober;

    ProbeSchedule(EndpointProber prober) {
        this.prober = prober;
    }

    @Scheduled(fixedDelay = "${ipdex.catalog.probe.interval:15m}", initialDelay = "1m")
    void run() {
        prober.probeAll();
    }
}
