package io.meshport.uitest;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A browser per test class, a fresh context (no cookies) per test, and signing in through the
 * development identity provider's real login form.
 */
abstract class BrowserTest {

    static Playwright playwright;
    static Browser browser;
    BrowserContext context;
    Page page;

    @BeforeAll
    static void startBrowser() {
        playwright = BrowserSupport.playwright();
        browser = BrowserSupport.chromium(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
        playwright.close();
    }

    @BeforeEach
    void newContext() {
        context = browser.newContext();
        page = context.newPage();
        page.setDefaultTimeout(30_000);
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    /** Fills the provider's login form that the portal sent the browser to. */
    void signIn(String user) {
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(user);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }

    /** Opens a portal page as a user, signing in on the way, and waits for Vaadin to settle. */
    void openAs(String path, String user) {
        page.navigate(TestInfrastructure.portalUrl() + path);
        signIn(user);
        page.waitForURL(url -> url.startsWith(TestInfrastructure.portalUrl()));
        BrowserSupport.awaitVaadin(page);
    }
}
