package org.ipdex.catalog.lint.rules;

import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;

import java.util.List;
import java.util.Set;

/** Developers filter the catalogue by the data an API serves. */
@Singleton
final class ContentTypeRule extends CatalogueFieldRule {

    private static final RuleInfo INFO = new RuleInfo("wipo-catalog.content-type", Section.CATALOGUE_METADATA, Level.SHOULD,
            "info.x-content-type names the kinds of content");

    ContentTypeRule() {
        super(List.of("x-content-type", "x-content-types"), Set.of("Abstract", "Bibliographic data", "Citation data", "Claims",
                "Classification", "Court decision", "Description", "Family Data", "Full-Text", "Legal status data",
                "Licensing data", "Office Action data", "Payment related data", "Terminology data"));
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
