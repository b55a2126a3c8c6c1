package org.ipdex.stack;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of the architecture page that code can check, shared by every module's {@code ArchitectureTest}
 * ({@code @ArchTest ArchTests rules = ArchTests.in(ArchitectureRules.class)}, over the module's own main classes).
 * A module's packages are its features ({@code org.ipdex.<module>.<feature>..}); a feature reaches another through
 * a small port, so no two features import each other, directly or round a longer loop.
 */
public final class ArchitectureRules {

    private static final String CHANGE_FEED = "org.ipdex.common.feed.ChangeFeed";

    @ArchTest
    public static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.ipdex.*.(*)..")
            .should().beFreeOfCycles();

    /** Package by feature: the layer names the page rules out. */
    @ArchTest
    public static final ArchRule PACKAGES_BY_FEATURE = noClasses().should().resideInAnyPackage(
            "..controller..", "..controllers..", "..service..", "..services..", "..repository..", "..repositories..");

    /**
     * A controller is thin: SQL lives in stores, repositories and plain classes that tests call directly. Passing on
     * their checked {@code SQLException} (a streamed export opens its cursor when the request is answered) is not
     * SQL in the controller.
     */
    @ArchTest
    public static final ArchRule CONTROLLERS_DO_NOT_TOUCH_SQL = noClasses()
            .that().areAnnotatedWith("io.micronaut.http.annotation.Controller")
            .should().dependOnClassesThat(resideInAnyPackage(
                    "java.sql..", "javax.sql..", "io.micronaut.data.jdbc..", "org.postgresql..")
                    .and(not(name("java.sql.SQLException"))))
            .allowEmptyShould(true); // the cli has no controllers

    /** The transactional outbox is written in one place per service: its {@code feed} package. */
    @ArchTest
    public static final ArchRule ONLY_FEED_WRITES_THE_OUTBOX = noClasses()
            .that().resideOutsideOfPackage("..feed..")
            .should().callMethodWhere(DescribedPredicate.describe(CHANGE_FEED + ".append",
                    (JavaMethodCall call) -> call.getName().equals("append")
                            && call.getTargetOwner().isAssignableTo(CHANGE_FEED)));

    /** search-service owns every Elasticsearch index: for the other modules, not one of their own rules. */
    public static final ArchRule NO_ELASTICSEARCH = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("co.elastic..", "org.elasticsearch..");

    private ArchitectureRules() {
    }
}
