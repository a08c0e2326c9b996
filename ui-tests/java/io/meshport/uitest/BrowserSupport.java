package io.meshport.uitest;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts Chromium for the UI tests. A system Chromium (Debian's {@code /usr/bin/chromium}, or
 * {@code MESHPORT_CHROMIUM}) is used when present, without Playwright downloading a browser of its
 * own; elsewhere Playwright's usual browser download applies.
 */
public final class BrowserSupport {

    private BrowserSupport() {}

    public static Playwright playwright() {
        Map<String, String> env =
                systemChromium().isPresent() ? Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1") : Map.of();
        return Playwright.create(new Playwright.CreateOptions().setEnv(env));
    }

    public static Browser chromium(Playwright playwright) {
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
                .setHeadless(true)
                .setArgs(List.of(
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync"));
        systemChromium().ifPresent(options::setExecutablePath);
        return playwright.chromium().launch(options);
    }

    /** Waits until Vaadin has no server round trip pending, so assertions see a settled page. */
    public static void awaitVaadin(Page page) {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }

    /**
     * Whether a canvas (or, for an element, any canvas inside it, its shadow root included) shows
     * anything: some pixel that is not fully transparent. An element that is defined and sized
     * but never drew stays blank.
     */
    public static boolean hasInk(Locator element) {
        return (Boolean) element.evaluate("""
                el => {
                  const canvases = el instanceof HTMLCanvasElement ? [el]
                      : [...el.querySelectorAll('canvas'), ...(el.shadowRoot ? el.shadowRoot.querySelectorAll('canvas') : [])];
                  return canvases.some(c => {
                    if (!c.width || !c.height) return false;
                    const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
                    return false;
                  });
                }""");
    }

    private static Optional<Path> systemChromium() {
        String configured = System.getenv("MESHPORT_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        Path debian = Path.of("/usr/bin/chromium");
        return Files.isExecutable(debian) ? Optional.of(debian) : Optional.empty();
    }
}
