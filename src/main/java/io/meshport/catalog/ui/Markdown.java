package io.meshport.catalog.ui;

import com.vaadin.flow.component.Html;
import io.meshport.catalog.MarkdownHtml;

/**
 * Purpose and other descriptions are Markdown; raw HTML in them is shown as text, never run.
 * They are shown under a section heading (h3) of the product page, so their own headings start
 * one level below it: a {@code #} in a purpose is an h4 (see {@link MarkdownHtml}).
 */
final class Markdown {

    /** The level a Markdown {@code #} heading is shown at. */
    static final int FIRST_HEADING_LEVEL = 4;

    private Markdown() {}

    static Html render(String markdown) {
        return new Html(MarkdownHtml.render(markdown, FIRST_HEADING_LEVEL));
    }
}
