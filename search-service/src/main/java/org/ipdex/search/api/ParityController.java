package org.ipdex.search.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ipdex.common.identity.Roles;
import org.ipdex.search.parity.ParityCheck;
import org.ipdex.search.parity.ParityReport;

@Tag(name = "admin")
@Controller("/api/v1/admin/parity")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class ParityController {

    private final ParityCheck check;

    ParityController(ParityCheck check) {
        this.check = check;
    }

    @Operation(summary = "Compare the search indices with the database",
            description = "Compares what PostgreSQL holds as current (each API's latest version and operations, "
                    + "each office's active authority edition with its record count and checksum) with what the "
                    + "search indices hold, and lists every difference. Right after a write a difference can be "
                    + "feed lag: ask again.")
    @Get
    ParityReport parityReport() {
        return check.run();
    }
}
