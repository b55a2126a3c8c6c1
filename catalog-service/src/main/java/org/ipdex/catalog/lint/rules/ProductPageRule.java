package org.ipdex.catalog.lint.rules;

import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;

import java.util.List;
import java.util.Set;

/** Where a developer signs up and reads the terms. */
@Singleton
final class ProductPageRule extends CatalogueFieldRule {

    private static final RuleInfo INFO = new RuleInfo("wipo-catalog.product-page-url", Section.CATALOGUE_METADATA, Level.MAY,
            "info.x-product-page-url links the product page");

    ProductPageRule() {
        super(List.of("x-product-page-url"), Set.of());
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
