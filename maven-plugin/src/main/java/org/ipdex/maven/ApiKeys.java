package org.ipdex.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import java.util.Optional;

/**
 * An office's API key the Maven way: the password of the {@code <server>} in {@code settings.xml} whose id is
 * {@code serverId}, encrypted with {@code mvn --encrypt-password} or not. Without one, the CLI's
 * {@code ServerSettings} looks further ({@code IPDEX_API_KEY}, then the ipdex config file). Never a POM parameter: a
 * POM is committed, and a key in it is a key published.
 */
final class ApiKeys {

    private final SettingsDecrypter decrypter;

    ApiKeys(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    /** @return the key, or empty when settings.xml has no server of that id */
    Optional<String> fromSettings(Settings settings, String serverId) throws MojoExecutionException {
        Server server = serverId == null || settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            return Optional.empty();
        }
        SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : decrypted.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new MojoExecutionException("The password of <server> '" + serverId + "' in settings.xml "
                        + "cannot be decrypted: " + problem.getMessage());
            }
        }
        String key = decrypted.getServer().getPassword();
        if (key == null || key.isBlank()) {
            throw new MojoExecutionException("<server> '" + serverId + "' in settings.xml has no <password>: put the "
                    + "office's API key there");
        }
        return Optional.of(key.strip());
    }
}
