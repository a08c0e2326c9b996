package io.meshport.catalog.ui;

import com.vaadin.flow.component.Html;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Purpose and other descriptions are Markdown; raw HTML in them is shown as text, never run. */
final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {}

    static Html render(String markdown) {
        return new Html("<div class=\"markdown\">" + RENDERER.render(PARSER.parse(markdown)) + "</div>");
    }
}
