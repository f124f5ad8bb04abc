package de.sipa.annualreport;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document.OutputSettings;
import org.jsoup.safety.Safelist;

/**
 * The coordinator's formatted text, pasted or typed as HTML, cleaned with jsoup's allow-list sanitiser: paragraphs,
 * headings, emphasis, lists, quotes, tables and links stay; scripts, event handlers, styles and anything else go.
 */
final class FormattedText {

    private static final Safelist ALLOWED = Safelist.basic().addTags("h3", "h4", "table", "thead", "tbody", "tr",
            "th", "td").removeTags("span");

    private FormattedText() {
    }

    static String clean(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.clean(html, "", ALLOWED, new OutputSettings().prettyPrint(false)).strip();
    }

    /** The text without markup, for the PDF: one paragraph per block. */
    static java.util.List<String> paragraphs(String html) {
        var body = Jsoup.parseBodyFragment(html == null ? "" : html).body();
        var paragraphs = new java.util.ArrayList<String>();
        var blocks = body.select("p, li, h3, h4, blockquote, td");
        if (blocks.isEmpty()) {
            var text = body.text().strip();
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
            return paragraphs;
        }
        for (var block : blocks) {
            var text = block.ownText().isBlank() && block.children().isEmpty() ? "" : block.text().strip();
            if (!text.isEmpty() && (block.parents().stream().noneMatch(p -> blocks.contains(p)))) {
                paragraphs.add(block.is("li") ? "• " + text : text);
            }
        }
        return paragraphs;
    }
}
