package org.ipdex.gateway.account;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.ipdex.common.identity.Roles;
import org.ipdex.gateway.BackendStub;
import org.ipdex.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first start writes an admin key file; later starts keep it and create no second key. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminKeyBootstrapTest implements TestPropertyProvider {

    private final Path keyFile;
    private Map<String, String> properties;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApiKeyRepository keys;

    AdminKeyBootstrapTest() throws IOException {
        keyFile = Files.createTempDirectory("ipdex-bootstrap").resolve("nested/dir/admin-api-key");
    }

    @Override
    public Map<String, String> getProperties() {
        properties = TestStack.serviceProperties("gateway");
        properties.put("micronaut.server.port", "-1");
        properties.put("ipdex.bootstrap.admin-key-file", keyFile.toString());
        String nowhere = BackendStub.deadUrl();
        properties.put("ipdex.backends.catalog.url", nowhere);
        properties.put("ipdex.backends.authority.url", nowhere);
        properties.put("ipdex.backends.search.url", nowhere);
        return properties;
    }

    @Test
    void theFirstStartWritesAWorkingAdminKeyReadableByItsOwnerOnly() throws IOException {
        assertTrue(Files.isRegularFile(keyFile), "parent directories are created");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        String key = Files.readString(keyFile).strip();
        assertTrue(key.startsWith("ipdex_"), key);
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(HttpRequest.GET("/api/v1/admin/offices")
                .bearerAuth(key)).getStatus());
        assertEquals(1, keys.countActive(Roles.ADMIN));
    }

    @Test
    void aSecondStartKeepsTheKeyAndCreatesNoOther() throws IOException {
        String before = Files.readString(keyFile);
        try (ApplicationContext restarted = ApplicationContext.run(new HashMap<>(properties), "test")) {
            assertTrue(restarted.isRunning());
            assertEquals(before, Files.readString(keyFile));
            assertEquals(1, keys.countActive(Roles.ADMIN));
            assertEquals(1, keys.count());
        }
    }
}
