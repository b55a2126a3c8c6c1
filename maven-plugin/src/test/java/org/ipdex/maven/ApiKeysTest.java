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

/** The key from settings.xml with Maven's own decrypter, set up as {@code mvn --encrypt-master-password} leaves it. */
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
    void thePasswordOfTheServerEncryptedOrNot() throws Exception {
        assertEquals(Optional.of(KEY), keys.fromSettings(settings(cipher.encryptAndDecorate(KEY, master)), "ipdex"));
        assertEquals(Optional.of(KEY), keys.fromSettings(settings(" " + KEY + "\n"), "ipdex"));
    }

    @Test
    void noKeyWhenSettingsXmlHasNoSuchServer() throws MojoExecutionException {
        assertEquals(Optional.empty(), keys.fromSettings(settings(KEY), "another-server"));
        assertEquals(Optional.empty(), keys.fromSettings(new Settings(), "ipdex"));
    }

    @Test
    void aServerWithoutPasswordOrWithOneThatCannotBeDecryptedIsSaidSo() throws Exception {
        MojoExecutionException empty = assertThrows(MojoExecutionException.class,
                () -> keys.fromSettings(settings(null), "ipdex"));
        assertTrue(empty.getMessage().contains("has no <password>"), empty.getMessage());
        String otherMaster = cipher.encryptAndDecorate(KEY, "not the master password");
        MojoExecutionException wrong = assertThrows(MojoExecutionException.class,
                () -> keys.fromSettings(settings(otherMaster), "ipdex"));
        assertTrue(wrong.getMessage().contains("cannot be decrypted"), wrong.getMessage());
    }

    /** A settings.xml with the server {@code ipdex} whose password is this. */
    static Settings settings(String password) {
        Server server = new Server();
        server.setId("ipdex");
        server.setPassword(password);
        Settings settings = new Settings();
        settings.addServer(server);
        return settings;
    }
}
