package org.ipdex.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * What every portal browser test class does around its tests: the one stack of the run ({@link TheStack}), one
 * browser for the class, a screenshot when a test fails, and the rule that a page logs no script error and no
 * Content-Security-Policy report. A class opens {@link #browser} in its {@code @BeforeAll}, once its data is in place;
 * its own {@code @AfterAll} closes anything else it opened (it runs before this one).
 */
@ExtendWith(TheStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InTheBrowser {

    protected Browser browser;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = Browser.screenshotOnFailure(() -> this.browser);

    @AfterEach
    void noScriptErrors() {
        if (browser != null) {
            browser.assertNoScriptErrors();
        }
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
