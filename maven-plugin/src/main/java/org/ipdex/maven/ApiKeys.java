package org.ipdex.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import java.util.Map;
import java.util.Optional;

/**
 * Where an office's API key comes from, in the order a Maven user expects: the {@code <server>} of
 * {@code settings.xml} whose id is {@code serverId} (its password is the key, encrypted with {@code mvn
 * --encrypt-password} or not), else the environment's {@code IPDEX_API_KEY} (a CI secret). Never a POM parameter:
 * a POM is committed, and a key in it is a key published.
 */
final class ApiKeys {

    static final String ENVIRONMENT = "IPDEX_API_KEY";

    private final SettingsDecrypter decrypter;

    ApiKeys(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    /** @return the key, or empty when neither place has one */
    Optional<String> find(Settings settings, String serverId, Map<String, String> environment)
            throws MojoExecutionException {
        Server server = serverId == null || settings == null ? null : settings.getServer(serverId);
        if (server != null) {
            SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem problem : decrypted.getProblems()) {
                if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                    throw new MojoExecutionException("The password of <server> '" + serverId + "' in settings.xml "
                            + "cannot be decrypted: " + problem.getMessage());
                }
            }
            String key = decrypted.getServer().getPassword();
            if (key == null || key.isBlank()) {
                throw new MojoExecutionException("<server> '" + serverId + "' in settings.xml has no <password>: "
                        + "put the office's API key there");
            }
            return Optional.of(key.strip());
        }
        return Optional.ofNullable(environment.get(ENVIRONMENT)).map(String::strip).filter(key -> !key.isEmpty());
    }
}
