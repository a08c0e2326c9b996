package io.meshport.catalog;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Descriptions are Markdown; where they are shown in a line (search snippets), they read as
 * the text a rendered page shows: no {@code **}, {@code _} or {@code #}, one line. Raw HTML in
 * them stays as its literal text, for the caller to escape.
 */
public final class MarkdownText {

    private static final Parser PARSER = Parser.builder().build();
    private static final TextContentRenderer RENDERER = TextContentRenderer.builder()
            .lineBreakRendering(LineBreakRendering.STRIP)
            .build();

    private MarkdownText() {}

    public static String of(String markdown) {
        return RENDERER.render(PARSER.parse(markdown)).strip();
    }
}
