package org.ipdex.catalog.lint.rules;

import jakarta.inject.Singleton;
import org.ipdex.catalog.lint.Level;
import org.ipdex.catalog.lint.RuleInfo;
import org.ipdex.catalog.lint.Section;

import java.util.List;
import java.util.Set;

/** Developers filter the catalogue by IP domain. */
@Singleton
final class IpDomainRule extends CatalogueFieldRule {

    private static final RuleInfo INFO = new RuleInfo("wipo-catalog.ip-domain", Section.CATALOGUE_METADATA, Level.SHOULD,
            "info.x-ip-domain names the IP domains");

    IpDomainRule() {
        super(List.of("x-ip-domain", "x-ipdomain", "x-ip-domains"), Set.of("Patent", "Trademark", "Industrial design", "Copyright",
                "Geographical Indication", "Plant Variety Protection", "Integrated Circuit Layout Design"));
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
