package org.ipdex.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version the module was built as (a resource Maven filters), for {@code --version} and the SARIF tool block. */
public final class Version implements IVersionProvider {

    public static String number() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // a jar that cannot read its own resource has worse problems; the version is not worth failing for
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"ipdex " + number()};
    }
}
