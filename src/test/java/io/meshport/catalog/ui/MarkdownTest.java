package io.meshport.catalog.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void headings_in_a_description_start_below_the_sections_h3() {
        String html = Markdown.render("# Overview\n\nSome *text*.\n\n## Detail\n\n#### Deeper\n\n###### Deepest")
                .getInnerHtml();
        assertThat(html).contains("<h4>Overview</h4>", "<h5>Detail</h5>", "<h6>Deeper</h6>", "<h6>Deepest</h6>");
        assertThat(html).doesNotContain("<h1", "<h2", "<h3");
        assertThat(html).contains("<em>text</em>");
    }

    @Test
    void raw_html_is_shown_as_text() {
        String html =
                Markdown.render("# <script>alert(1)</script>\n\n<b>bold</b>").getInnerHtml();
        assertThat(html).doesNotContain("<script", "<b>");
        assertThat(html).contains("&lt;script&gt;", "&lt;b&gt;");
    }
}
