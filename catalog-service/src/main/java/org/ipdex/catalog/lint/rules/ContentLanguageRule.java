package org.ipdex.catalog.lint.rules;

import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;

import java.util.List;
import java.util.Set;

/** ISO 639-1 codes; not checked against the list because offices also write regional variants. */
@Singleton
final class ContentLanguageRule extends CatalogueFieldRule {

    private static final RuleInfo INFO = new RuleInfo("wipo-catalog.content-language", Section.CATALOGUE_METADATA, Level.MAY,
            "info.x-content-language names the languages");

    ContentLanguageRule() {
        super(List.of("x-content-language", "x-content-languages"), Set.of());
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
