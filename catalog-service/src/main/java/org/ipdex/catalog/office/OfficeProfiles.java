package org.ipdex.catalog.office;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.ipdex.catalog.audit.AuditAction;
import org.ipdex.catalog.audit.AuditLog;
import org.ipdex.common.identity.Identity;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.ProblemError;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Writes office profiles: only the office itself or an administrator, validated, audited. */
@Singleton
class OfficeProfiles {

    static final String ST3 = "[A-Z]{2}";

    private final OfficeRepository offices;
    private final AuditLog audit;
    private final ApplicationEventPublisher<OfficeRenamed> renames;

    OfficeProfiles(OfficeRepository offices, AuditLog audit, ApplicationEventPublisher<OfficeRenamed> renames) {
        this.offices = offices;
        this.audit = audit;
        this.renames = renames;
    }

    record Saved(Office office, boolean created) {
    }

    @Transactional
    Saved put(String code, OfficeRequest request, Identity identity) {
        String office = code(code);
        identity.requireOffice(office);
        validate(request);
        Optional<Office> before = offices.findById(office);
        boolean created = before.isEmpty();
        Office saved = new Office(office, request.name().strip(), upper(request.country()), request.organisation(),
                request.contactName(), request.contactEmail(), request.contactUrl(), request.website(),
                identity.subject(), Instant.now());
        if (created) {
            offices.save(saved);
        } else {
            offices.update(saved);
        }
        // a first profile names the office too: APIs registered before it carry no name of its own yet
        if (before.map(Office::name).filter(saved.name()::equals).isEmpty()) {
            renames.publishEvent(new OfficeRenamed(office));
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", saved.name());
        detail.put("created", created);
        audit.record(identity.subject(), new AuditLog.Change(AuditAction.OFFICE_CHANGED, office, null, null, detail));
        return new Saved(saved, created);
    }

    static String code(String code) {
        String upper = code.toUpperCase(Locale.ROOT);
        if (!upper.matches(ST3)) {
            throw InvalidInputException.parameter("officeCode", "must be a two-letter WIPO ST.3 code");
        }
        return upper;
    }

    private static void validate(OfficeRequest request) {
        List<ProblemError> errors = new ArrayList<>();
        if (request.name() == null || request.name().isBlank()) {
            errors.add(ProblemError.atPointer("/name", "required"));
        }
        if (request.country() != null && !request.country().toUpperCase(Locale.ROOT).matches(ST3)) {
            errors.add(ProblemError.atPointer("/country", "must be a two-letter WIPO ST.3 code"));
        }
        if (request.contactEmail() != null && !request.contactEmail().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(ProblemError.atPointer("/contactEmail", "must be an e-mail address"));
        }
        url(request.contactUrl(), "/contactUrl", errors);
        url(request.website(), "/website", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The office profile has " + errors.size() + " invalid field"
                    + (errors.size() == 1 ? "" : "s"), errors);
        }
    }

    private static void url(String value, String pointer, List<ProblemError> errors) {
        if (value == null) {
            return;
        }
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !List.of("http", "https").contains(String.valueOf(uri.getScheme()))) {
                errors.add(ProblemError.atPointer(pointer, "must be an absolute http or https URL"));
            }
        } catch (URISyntaxException e) {
            errors.add(ProblemError.atPointer(pointer, "must be an absolute http or https URL"));
        }
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
