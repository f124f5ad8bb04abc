package de.sipa.website;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import de.sipa.partners.Partnership;

/**
 * The news as an Atom 1.0 feed (RFC 4287): the feed's id is the news page's address, each entry's id its post's
 * {@code urn:uuid}; titles and summaries as text, the post's sanitised HTML as escaped {@code html} content. The
 * XML writer escapes everything it is given.
 */
final class NewsFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    private NewsFeed() {
    }

    /**
     * @param siteUrl the absolute address of the partnership's public website ({@code …/buerger/musterstadt})
     * @param title the feed's title in the reader's language
     */
    static String atom(Partnership partnership, String siteUrl, String title, List<NewsPost> posts, Instant now) {
        var out = new StringWriter();
        try {
            var xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", siteUrl + "/neuigkeiten");
            element(xml, "title", title);
            element(xml, "updated", time(posts.isEmpty() ? now : posts.get(0).publishedAt()));
            xml.writeStartElement("author");
            element(xml, "name", partnership.name());
            element(xml, "uri", siteUrl);
            xml.writeEndElement();
            link(xml, "self", siteUrl + "/neuigkeiten.atom", "application/atom+xml");
            link(xml, "alternate", siteUrl + "/neuigkeiten", "text/html");
            for (var post : posts) {
                var url = siteUrl + "/neuigkeiten/" + post.id();
                xml.writeStartElement("entry");
                element(xml, "id", "urn:uuid:" + post.id());
                element(xml, "title", post.title());
                element(xml, "published", time(post.publishedAt()));
                element(xml, "updated", time(post.publishedAt()));
                link(xml, "alternate", url, "text/html");
                element(xml, "summary", post.teaser());
                xml.writeStartElement("content");
                xml.writeAttribute("type", "html");
                xml.writeCharacters(post.body());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
