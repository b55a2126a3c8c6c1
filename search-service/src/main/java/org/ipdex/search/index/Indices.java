package org.ipdex.search.index;

import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resolves the names of this service's indices, with the configured prefix. */
@Singleton
public class Indices {

    private static final Pattern VERSION = Pattern.compile("-v(\\d+)(?:-[a-z0-9]+)?$");

    private final String prefix;

    public Indices(ElasticsearchProperties properties) {
        this.prefix = properties.indexPrefix();
    }

    /** The alias that every read and write goes through. */
    public String alias(IndexDefinition index) {
        return prefix + index.baseName();
    }

    /** The concrete index created for the current mapping version when none exists yet. */
    public String concrete(IndexDefinition index) {
        return alias(index) + "-v" + index.version();
    }

    /** A concrete index built by a rebuild; the id keeps a rebuild of the same version apart from the live one. */
    public String concrete(IndexDefinition index, String rebuildId) {
        return concrete(index) + "-" + rebuildId;
    }

    /** The mapping version a concrete index was created with, read from its name. */
    public static Optional<Integer> versionOf(String concreteIndex) {
        Matcher matcher = VERSION.matcher(concreteIndex);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    public IndexTargets live() {
        return new IndexTargets(apis(), operations());
    }

    public String apis() {
        return alias(IndexDefinition.APIS);
    }

    public String operations() {
        return alias(IndexDefinition.OPERATIONS);
    }

    public String checkpoints() {
        return alias(IndexDefinition.CHECKPOINTS);
    }

    public String leases() {
        return alias(IndexDefinition.LEASES);
    }

    /** Every office's current authority edition: what the authority search reads. */
    public String authority() {
        return prefix + "authority";
    }

    /** One office's current authority edition. */
    public String authority(String office) {
        return authority() + "-" + office.toLowerCase(Locale.ROOT);
    }

    /** The index holding one edition; it never changes after its alias has been moved onto it. */
    public String authorityEdition(String office, long editionId) {
        return authority(office) + "-e" + editionId;
    }
}
