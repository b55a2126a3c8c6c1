package org.ipdex.gateway.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.ipdex.common.identity.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates the first administrator key, so a fresh installation can be administered without database access.
 *
 * <p>At start-up, when {@code ipdex.bootstrap.admin-key-file} ({@code IPDEX_BOOTSTRAP_ADMIN_KEY_FILE}) is set and
 * no active admin key exists, a key is created and written to that file, readable by its owner only. A file whose
 * key still works is left alone, so restarts never pile up admin keys. The key itself is never logged: logs are
 * shipped and kept far longer than a secret should live.
 */
@Singleton
final class AdminKeyBootstrap implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminKeyBootstrap.class);

    private final ApiKeys apiKeys;
    private final ApiKeyRepository keys;
    private final ApiKeyAuthenticator authenticator;
    private final TransactionOperations<Connection> transactions;
    private final Optional<Path> keyFile;

    AdminKeyBootstrap(ApiKeys apiKeys, ApiKeyRepository keys, ApiKeyAuthenticator authenticator,
                      TransactionOperations<Connection> transactions,
                      @Nullable @Value("${ipdex.bootstrap.admin-key-file:}") String keyFile) {
        this.apiKeys = apiKeys;
        this.keys = keys;
        this.authenticator = authenticator;
        this.transactions = transactions;
        this.keyFile = Optional.ofNullable(keyFile).filter(file -> !file.isBlank()).map(Path::of);
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        run();
    }

    /** @return the id of the key created, if one was */
    Optional<UUID> run() {
        return transactions.executeWrite(status -> {
            // several gateway instances may start at once against one database: one of them creates the key
            keys.lockAdminKeys();
            if (keyFile.isPresent() && fileHoldsAdminKey(keyFile.get())) {
                LOG.info("Admin key file {} holds a valid admin key; nothing to bootstrap", keyFile.get());
                return Optional.empty();
            }
            if (keys.countActive(Roles.ADMIN) > 0) {
                keyFile.ifPresent(file -> LOG.warn("Admin key file {} holds no valid key, but an active admin key "
                        + "exists; not creating another", file));
                return Optional.empty();
            }
            if (keyFile.isEmpty()) {
                LOG.warn("No active admin key exists; set IPDEX_BOOTSTRAP_ADMIN_KEY_FILE to have one created");
                return Optional.empty();
            }
            ApiKeys.Issued issued = apiKeys.store("bootstrap admin", Roles.ADMIN, null, null);
            // written before the commit: if the file cannot be written, the key is rolled back, not orphaned
            write(keyFile.get(), issued.apiKey());
            LOG.info("Created admin key {} (prefix {}) and wrote it to {}", issued.key().id(), issued.key().prefix(),
                    keyFile.get());
            return Optional.of(issued.key().id());
        });
    }

    private boolean fileHoldsAdminKey(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            String key = Files.readString(file, StandardCharsets.UTF_8).strip();
            return authenticator.authenticate(key).filter(caller -> caller.identity().isAdmin()).isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the admin key file " + file, e);
        }
    }

    private static void write(Path file, String key) {
        try {
            Path target = file.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(target.getFileName() + ".tmp-" + UUID.randomUUID());
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // created 0600 from the start, so the key is never readable by others, not even for a moment
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(temporary);
            }
            try {
                Files.writeString(temporary, key + "\n", StandardCharsets.UTF_8);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the admin key file " + file, e);
        }
    }
}
