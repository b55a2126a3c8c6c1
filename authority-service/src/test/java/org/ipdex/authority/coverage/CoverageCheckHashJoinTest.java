package org.ipdex.authority.coverage;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * Every coverage test again, with the plan that large collections get (hash joins only) forced on these small
 * ones: both plans must give the same reports, lists and changes.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageCheckHashJoinTest extends CoverageCheckTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("ipdex.coverage.hash-joins-from", "1");
        return properties;
    }
}
