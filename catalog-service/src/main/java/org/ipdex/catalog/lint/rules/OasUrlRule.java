package org.ipdex.catalog.lint.rules;

import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;

import java.util.List;
import java.util.Set;

/** The catalogue re-fetches the spec from there. */
@Singleton
final class OasUrlRule extends CatalogueFieldRule {

    private static final RuleInfo INFO = new RuleInfo("wipo-catalog.oas-url", Section.CATALOGUE_METADATA, Level.MAY,
            "info.x-oas-url says where the spec is published");

    OasUrlRule() {
        super(List.of("x-oas-url"), Set.of());
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
