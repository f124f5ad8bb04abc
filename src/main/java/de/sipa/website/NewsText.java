package de.sipa.website;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

import de.sipa.shared.PlainText;

/**
 * The formatted text of a news post: typed as plain text with blank lines between paragraphs, or as HTML of a small
 * safelist (paragraphs, sub-headings, lists, emphasis, quotes and links). Everything else (scripts, styles, event
 * handlers, images, frames) is removed before it is stored; links get {@code rel="nofollow noopener"}.
 */
final class NewsText {

    private static final Safelist SAFE = Safelist.basic().addTags("h2", "h3").removeTags("span")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false)
            .escapeMode(Entities.EscapeMode.base).charset("UTF-8");

    private NewsText() {
    }

    /** Safe HTML for the text as typed; plain text becomes escaped paragraphs with their line breaks. */
    static String sanitise(String typed) {
        var text = PlainText.clean(typed == null ? "" : typed).replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.isEmpty()) {
            return "";
        }
        if (!text.contains("<")) {
            var html = new StringBuilder();
            for (var paragraph : text.split("\\n\\s*\\n")) {
                html.append("<p>").append(escape(paragraph.strip()).replace("\n", "<br>")).append("</p>");
            }
            return html.toString();
        }
        return Jsoup.clean(text, "", SAFE, OUTPUT).strip();
    }

    /** The visible text of stored HTML, for the length check and the form's hint. */
    static String visible(String html) {
        return Jsoup.parse(html).text();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
