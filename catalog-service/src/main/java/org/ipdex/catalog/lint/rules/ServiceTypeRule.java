package org.ipdex.catalog.lint.rules;

import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;

import java.util.List;
import java.util.Set;

/** Developers filter the catalogue by what a service does. */
@Singleton
final class ServiceTypeRule extends CatalogueFieldRule {

    private static final RuleInfo INFO = new RuleInfo("wipo-catalog.service-type", Section.CATALOGUE_METADATA, Level.SHOULD,
            "info.x-service-type names the service types");

    ServiceTypeRule() {
        super(List.of("x-service-type", "x-functionality", "x-service-types"), Set.of("Account Management", "Application Management", "Communication",
                "Dissemination", "Payment", "Portfolio Management", "Register", "Search", "Translation"));
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
