package org.ipdex.common.identity;

import io.micronaut.security.authentication.Authentication;
import org.ipdex.common.problem.ForbiddenException;
import org.ipdex.common.problem.UnauthorizedException;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the gateway vouched for it in the identity token.
 *
 * @param subject the account or service name
 * @param roles   see {@link Roles}
 * @param office  the ST.3 code of the office an office key belongs to
 */
public record Identity(String subject, Set<String> roles, Optional<String> office) {

    public static final String OFFICE_CLAIM = "office";

    public Identity {
        roles = Set.copyOf(roles);
    }

    public static Identity anonymous() {
        return new Identity("anonymous", Set.of(Roles.PUBLIC), Optional.empty());
    }

    public static Identity of(Authentication authentication) {
        Object office = authentication.getAttributes().get(OFFICE_CLAIM);
        Collection<String> roles = authentication.getRoles();
        return new Identity(authentication.getName(), Set.copyOf(roles),
                Optional.ofNullable(office).map(Object::toString));
    }

    public Authentication toAuthentication() {
        Map<String, Object> attributes = new HashMap<>();
        office.ifPresent(code -> attributes.put(OFFICE_CLAIM, code));
        return Authentication.build(subject, roles, attributes);
    }

    /** Only the {@code public} role: the gateway's caller sent no key. */
    public boolean isAnonymous() {
        return roles.stream().allMatch(Roles.PUBLIC::equals);
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    /** Admins may act for any office; an office key only for its own. */
    public boolean mayActFor(String officeCode) {
        return isAdmin() || (roles.contains(Roles.OFFICE) && office.filter(officeCode::equalsIgnoreCase).isPresent());
    }

    public void requireOffice(String officeCode) {
        requireKey();
        if (!mayActFor(officeCode)) {
            throw new ForbiddenException("This key may not change data of office " + officeCode);
        }
    }

    public void requireAdmin() {
        requireKey();
        if (!isAdmin()) {
            throw new ForbiddenException("Only an administrator may do this");
        }
    }

    /** A caller without a key is told that a key is needed (401), not that it lacks a right (403). */
    private void requireKey() {
        if (isAnonymous()) {
            throw new UnauthorizedException(UnauthorizedException.NEEDS_A_KEY);
        }
    }
}
