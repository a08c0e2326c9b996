package io.meshport.catalog;

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
 * Descriptions are Markdown, shown as HTML the way the product page shows a purpose: raw HTML in
 * them is shown as text, never run, and unsafe links are dropped. They are shown under a section
 * heading, so their own headings start at a level below it: a {@code #} is never a second h1 that
 * breaks the page's heading order (levels past 6 stay h6).
 */
public final class MarkdownHtml {

    private static final Parser PARSER = Parser.builder().build();

    /** One renderer per first heading level, index 0 for level 1. */
    private static final HtmlRenderer[] RENDERERS = new HtmlRenderer[6];

    static {
        for (int level = 1; level <= 6; level++) {
            int first = level;
            RENDERERS[level - 1] = HtmlRenderer.builder()
                    .escapeHtml(true)
                    .sanitizeUrls(true)
                    .nodeRendererFactory(context -> new ShiftedHeadings(context, first))
                    .build();
        }
    }

    private MarkdownHtml() {}

    /**
     * The HTML of the Markdown, wrapped in {@code <div class="markdown">}.
     *
     * @param firstHeadingLevel the level a Markdown {@code #} heading is shown at (1 to 6)
     */
    public static String render(String markdown, int firstHeadingLevel) {
        HtmlRenderer renderer = RENDERERS[Math.clamp(firstHeadingLevel, 1, 6) - 1];
        return "<div class=\"markdown\">" + renderer.render(PARSER.parse(markdown)) + "</div>";
    }

    private static final class ShiftedHeadings implements NodeRenderer {

        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;
        private final int firstLevel;

        ShiftedHeadings(HtmlNodeRendererContext context, int firstLevel) {
            this.context = context;
            this.html = context.getWriter();
            this.firstLevel = firstLevel;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Heading.class);
        }

        @Override
        public void render(Node node) {
            Heading heading = (Heading) node;
            String tag = "h" + Math.clamp(heading.getLevel() + firstLevel - 1L, 1, 6);
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
