package org.ipdex.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key's sources with Maven's own decrypter, set up as {@code mvn --encrypt-master-password} leaves it. */
class ApiKeysTest {

    private static final String KEY = "ipdex_office_EP_7f3a";

    @TempDir
    Path dir;

    private final DefaultPlexusCipher cipher = new DefaultPlexusCipher();
    private ApiKeys keys;
    private String master;

    @BeforeEach
    void decrypter() throws Exception {
        master = "the office's master password";
        Path security = dir.resolve("settings-security.xml");
        // the master password is itself stored encrypted with the fixed pass phrase Maven uses for it
        Files.writeString(security, "<settingsSecurity><master>" + cipher.encryptAndDecorate(master, "settings.security")
                + "</master></settingsSecurity>");
        keys = new ApiKeys(new DefaultSettingsDecrypter(new DefaultSecDispatcher(cipher, Map.of(), security.toString())));
    }

    @Test
    void theServerOfSettingsXmlComesFirstEncryptedOrNot() throws Exception {
        assertEquals(Optional.of(KEY), keys.find(settings(cipher.encryptAndDecorate(KEY, master)), "ipdex",
                Map.of(ApiKeys.ENVIRONMENT, "from-the-environment")));
        assertEquals(Optional.of(KEY), keys.find(settings(KEY), "ipdex", Map.of()));
    }

    @Test
    void theEnvironmentWhenSettingsXmlHasNoSuchServer() throws MojoExecutionException {
        assertEquals(Optional.of(KEY), keys.find(settings(KEY), "another-server", Map.of(ApiKeys.ENVIRONMENT, " " + KEY + "\n")));
        assertEquals(Optional.of(KEY), keys.find(new Settings(), "ipdex", Map.of(ApiKeys.ENVIRONMENT, KEY)));
        assertEquals(Optional.empty(), keys.find(new Settings(), "ipdex", Map.of(ApiKeys.ENVIRONMENT, "  ")));
        assertEquals(Optional.empty(), keys.find(new Settings(), "ipdex", Map.of()));
    }

    @Test
    void aServerWithoutPasswordOrWithOneThatCannotBeDecryptedIsSaidSo() throws Exception {
        MojoExecutionException empty = assertThrows(MojoExecutionException.class,
                () -> keys.find(settings(null), "ipdex", Map.of(ApiKeys.ENVIRONMENT, KEY)));
        assertTrue(empty.getMessage().contains("has no <password>"), empty.getMessage());
        String otherMaster = cipher.encryptAndDecorate(KEY, "not the master password");
        MojoExecutionException wrong = assertThrows(MojoExecutionException.class,
                () -> keys.find(settings(otherMaster), "ipdex", Map.of()));
        assertTrue(wrong.getMessage().contains("cannot be decrypted"), wrong.getMessage());
    }

    private static Settings settings(String password) {
        Server server = new Server();
        server.setId("ipdex");
        server.setPassword(password);
        Settings settings = new Settings();
        settings.addServer(server);
        return settings;
    }
}
