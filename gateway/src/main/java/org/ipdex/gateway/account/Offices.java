package org.ipdex.gateway.account;

import jakarta.inject.Singleton;
import org.ipdex.common.problem.ConflictException;
import org.ipdex.common.problem.NotFoundException;

import java.util.List;
import java.util.Optional;

/** Registers offices; an office exists before any of its keys can. */
@Singleton
public class Offices {

    private final OfficeRepository offices;

    Offices(OfficeRepository offices) {
        this.offices = offices;
    }

    public Office create(OfficeRequest request) {
        if (offices.existsById(request.code())) {
            throw new ConflictException("Office " + request.code() + " already exists");
        }
        try {
            return offices.save(new Office(request.code(), request.name().strip(), request.country().strip(),
                    request.contactEmail().strip(), null));
        } catch (RuntimeException e) {
            // two admins creating the same office at once: the primary key decides, the loser gets a 409
            if (SqlStates.isUniqueViolation(e)) {
                throw new ConflictException("Office " + request.code() + " already exists");
            }
            throw e;
        }
    }

    public Office get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("No office " + code));
    }

    public Optional<Office> find(String code) {
        return offices.findById(code);
    }

    public List<Office> listAfter(String after, int limit) {
        return offices.listAfter(after, limit);
    }
}
