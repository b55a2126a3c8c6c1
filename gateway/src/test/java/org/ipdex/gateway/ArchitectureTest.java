package org.ipdex.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.ipdex.stack.ArchitectureRules;

/** The architecture page's rules over this module's main classes (see {@link ArchitectureRules}). */
@AnalyzeClasses(packages = "org.ipdex.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests shared = ArchTests.in(ArchitectureRules.class);

    @ArchTest
    static final ArchRule noElasticsearch = ArchitectureRules.NO_ELASTICSEARCH;
}
