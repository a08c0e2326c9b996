package io.meshport.uitest;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.lang.reflect.Method;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Value;

/**
 * A browser per test class, a fresh context (no cookies) per test, and signing in through the
 * development identity provider's real login form.
 */
abstract class BrowserTest {

    static Playwright playwright;
    static Browser browser;
    BrowserContext context;
    Page page;

    /** The port of the portal this class runs against (the main one, or the one on OpenSearch). */
    @Value("${local.server.port}")
    int port;

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

    /** The last screen of every journey, to look at: target/screenshots/journeys/<class>.<test>.png */
    @AfterEach
    void closeContext(TestInfo test) {
        if (!page.isClosed()) {
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of(
                            "target/screenshots/journeys",
                            getClass().getSimpleName() + "."
                                    + test.getTestMethod().map(Method::getName).orElse("test") + ".png")));
        }
        context.close();
    }

    /** Fills the provider's login form that the portal sent the browser to. */
    void signIn(String user) {
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(user);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }

    /**
     * Types into a field as a person does: key by key, 80 ms apart, with a longer pause after each
     * space (where a person thinks of the next word, and where a round trip to the server has time
     * to come back while they type on), then waits for {@code done}: what the page shows once it
     * has caught up. {@code fill} sets the whole value at once and hides what a person meets.
     */
    void typeAsPerson(Locator field, String text, Runnable done) {
        field.click();
        // Go on after what the field holds, wherever the click put the caret.
        field.press("End");
        for (String part : text.split("(?<= )")) {
            field.pressSequentially(part, new Locator.PressSequentiallyOptions().setDelay(80));
            if (part.endsWith(" ")) {
                page.waitForTimeout(400);
            }
        }
        done.run();
    }

    /** Presses Tab, as a person would, until {@code target} has the focus; fails after {@code atMost} presses. */
    int tabTo(Locator target, int atMost) {
        for (int presses = 1; presses <= atMost; presses++) {
            page.keyboard().press("Tab");
            // The focused element may sit in a shadow root (a side navigation item's link, say).
            if ((Boolean) target.evaluate("""
                    el => {
                      let active = document.activeElement;
                      while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
                      return active !== null && (el === active || el.contains(active));
                    }""")) {
                return presses;
            }
        }
        throw new AssertionError(target + " not reached in " + atMost + " presses of Tab");
    }

    /** The address of the portal this class runs against, {@code http://127.0.0.1:port}. */
    String portalUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Opens a portal page as a user, signing in on the way, and waits for Vaadin to settle. */
    void openAs(String path, String user) {
        page.navigate(portalUrl() + path);
        signIn(user);
        page.waitForURL(url -> url.startsWith(portalUrl()));
        BrowserSupport.awaitVaadin(page);
    }
}
