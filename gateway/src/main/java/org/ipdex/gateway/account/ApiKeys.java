package org.ipdex.gateway.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.ipdex.common.identity.Roles;
import org.ipdex.common.problem.ConflictException;
import org.ipdex.common.problem.InvalidInputException;
import org.ipdex.common.problem.NotFoundException;

import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Issues, rotates and revokes API keys. A revoked key is dropped from the authenticator's cache after the commit,
 * not before it: dropped earlier, a concurrent request could cache the still-committed old state again.
 */
@Singleton
public class ApiKeys {

    private final ApiKeyRepository keys;
    private final Offices offices;
    private final ApiKeyAuthenticator authenticator;
    private final TransactionOperations<Connection> transactions;

    ApiKeys(ApiKeyRepository keys, Offices offices, ApiKeyAuthenticator authenticator,
            TransactionOperations<Connection> transactions) {
        this.keys = keys;
        this.offices = offices;
        this.authenticator = authenticator;
        this.transactions = transactions;
    }

    /** A new key and the one moment its secret is known. */
    public record Issued(ApiKey key, String apiKey) {
    }

    public Issued issue(ApiKeyRequest request) {
        String officeCode = checkOwner(request.role(), request.officeCode());
        return transactions.executeWrite(status -> store(request.name().strip(), request.role(), officeCode, null));
    }

    /** A new secret for the same owner; the old key stops working in the same transaction. */
    public Issued rotate(UUID keyId) {
        Issued issued = transactions.executeWrite(status -> {
            ApiKey old = get(keyId);
            if (keys.revoke(keyId) == 0) {
                throw new ConflictException("Key " + keyId + " is revoked; issue a new key instead");
            }
            return store(old.name(), old.role(), old.officeCode(), old.id());
        });
        authenticator.forget(keyId);
        return issued;
    }

    /** Idempotent: revoking a revoked key changes nothing. */
    public void revoke(UUID keyId) {
        transactions.executeWrite(status -> {
            ApiKey key = get(keyId);
            if (key.isActive() && Roles.ADMIN.equals(key.role())) {
                // without the lock, two admins revoking each other's key at once could both succeed
                keys.lockAdminKeys();
                if (keys.countActive(Roles.ADMIN) <= 1) {
                    throw new ConflictException("Key " + keyId + " is the last active admin key; issue another first");
                }
            }
            return keys.revoke(keyId);
        });
        authenticator.forget(keyId);
    }

    public ApiKey get(UUID keyId) {
        return keys.findById(keyId).orElseThrow(() -> new NotFoundException("No API key " + keyId));
    }

    public List<ApiKey> listAfter(@Nullable String officeCode, UUID after, int limit) {
        return officeCode == null ? keys.listAfter(after, limit)
                : keys.listForOfficeAfter(officeCode.toUpperCase(Locale.ROOT), after, limit);
    }

    Issued store(String name, String role, @Nullable String officeCode, @Nullable UUID rotatedFrom) {
        ApiKeyFormat.Generated generated = ApiKeyFormat.generate();
        ApiKey key = keys.save(new ApiKey(UUID.randomUUID(), name, role, officeCode, generated.prefix(),
                generated.hash(), rotatedFrom, null, null, null));
        return new Issued(key, generated.key());
    }

    private String checkOwner(String role, @Nullable String officeCode) {
        String code = officeCode == null || officeCode.isBlank() ? null : officeCode.strip().toUpperCase(Locale.ROOT);
        if (Roles.ADMIN.equals(role)) {
            if (code != null) {
                throw InvalidInputException.parameter("officeCode", "an admin key belongs to no office");
            }
            return null;
        }
        if (code == null) {
            throw InvalidInputException.parameter("officeCode", "an office key needs the code of its office");
        }
        if (offices.find(code).isEmpty()) {
            throw InvalidInputException.parameter("officeCode", "no office " + code + "; create it first");
        }
        return code;
    }
}
