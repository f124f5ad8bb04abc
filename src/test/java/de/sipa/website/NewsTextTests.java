package de.sipa.website;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The formatted text of a news post keeps its formatting and loses everything that could run or track. */
class NewsTextTests {

    @Test
    void pastedHtmlLosesScriptsHandlersStylesImagesAndJavascriptLinks() {
        var clean = NewsText.sanitise("<h2 onclick=\"steal()\">Licht</h2><script>alert(1)</script>"
                + "<p style=\"color:red\">Mehr <strong>Licht</strong> <img src=x onerror=alert(2)>"
                + "<a href=\"javascript:alert(3)\">hier</a> <a href=\"https://example.org/x\">dort</a></p>"
                + "<iframe src=\"https://evil.example\"></iframe>");

        assertThat(clean).doesNotContain("<script", "alert", "onclick", "style", "<img", "onerror", "javascript:",
                "<iframe", "evil.example");
        assertThat(clean).contains("<h2>Licht</h2>", "<strong>Licht</strong>",
                "<a href=\"https://example.org/x\" rel=\"nofollow noopener\">dort</a>");
    }

    @Test
    void plainTextBecomesEscapedParagraphsWithTheirLineBreaks() {
        assertThat(NewsText.sanitise("Erster Absatz\nzweite Zeile & mehr\n\n  Zweiter \"Absatz\"  "))
                .isEqualTo("<p>Erster Absatz<br>zweite Zeile &amp; mehr</p><p>Zweiter &quot;Absatz&quot;</p>");
        assertThat(NewsText.sanitise("   ")).isEmpty();
        assertThat(NewsText.sanitise("a < b")).doesNotContain("a < b").contains("a &lt; b");
    }
}
