package io.meshport.catalog.ui;

import com.vaadin.flow.component.Html;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Purpose and other descriptions are Markdown; raw HTML in them is shown as text, never run.
 * They are shown under a section heading (h3) of the product page, so their own headings start
 * one level below it: a {@code #} in a purpose is an h4, never a second h1 that breaks the page's
 * heading order (levels past 6 stay h6).
 */
final class Markdown {

    /** The level a Markdown {@code #} heading is shown at. */
    static final int FIRST_HEADING_LEVEL = 4;

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .nodeRendererFactory(ShiftedHeadings::new)
            .build();

    private Markdown() {}

    static Html render(String markdown) {
        return new Html("<div class=\"markdown\">" + RENDERER.render(PARSER.parse(markdown)) + "</div>");
    }

    private static final class ShiftedHeadings implements NodeRenderer {

        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        ShiftedHeadings(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Heading.class);
        }

        @Override
        public void render(Node node) {
            Heading heading = (Heading) node;
            String tag = "h" + Math.min(6, heading.getLevel() + FIRST_HEADING_LEVEL - 1);
            html.line();
            html.tag(tag, context.extendAttributes(heading, tag, Map.of()));
            for (Node child = heading.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.tag("/" + tag);
            html.line();
        }
    }
}
