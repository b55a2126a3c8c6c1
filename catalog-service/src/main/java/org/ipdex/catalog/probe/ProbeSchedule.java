package org.ipdex.catalog.probe;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.ipdex.common.schedule.OneReplica;

/** The probe timer; switched off with {@code ipdex.catalog.probe.enabled: false} (the tests drive the prober). */
@Singleton
@Requires(property = "ipdex.catalog.probe.enabled", notEquals = "false")
class ProbeSchedule {

    private final EndpointProber prober;
    private final OneReplica oneReplica;

    ProbeSchedule(EndpointProber prober, OneReplica oneReplica) {
        this.prober = prober;
        this.oneReplica = oneReplica;
    }

    @Scheduled(fixedDelay = "${ipdex.catalog.probe.interval:15m}", initialDelay = "1m")
    void run() {
        oneReplica.run("catalog.probe", prober::probeAll);
    }
}
