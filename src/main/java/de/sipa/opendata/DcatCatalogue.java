package de.sipa.opendata;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import de.sipa.shared.BaseUrl;

/**
 * The DCAT-AP.de description of a partnership's open data as JSON-LD: a dcat:Catalog with one dcat:Dataset per
 * dataset and a dcat:Distribution per format, each with title, description, publisher, contact point, license
 * (Datenlizenz Deutschland – Namensnennung – Version 2.0), format, access and download URL, and modification time.
 * GovData's contributor id ({@code dcatde:contributorID}) is named once the coordination has entered the one GovData
 * assigned: an invented one would be wrong, so the catalogue rather goes without it until then.
 */
@Component
class DcatCatalogue {

    static final String LICENSE = "http://dcat-ap.de/def/licenses/dl-by-de/2.0";
    static final String THEME = "http://publications.europa.eu/resource/authority/data-theme/JUST";
    static final String LANGUAGE = "http://publications.europa.eu/resource/authority/language/DEU";
    static final String FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/DAILY";
    static final Map<String, String> FORMATS = Map.of(
            "csv", "http://publications.europa.eu/resource/authority/file-type/CSV",
            "json", "http://publications.europa.eu/resource/authority/file-type/JSON");
    static final Map<String, String> MEDIA_TYPES = Map.of("csv", "text/csv", "json", "application/json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BaseUrl baseUrl;
    private final MessageSource messages;
    private final ZoneId zone;

    DcatCatalogue(BaseUrl baseUrl, MessageSource messages, java.time.Clock clock) {
        this.baseUrl = baseUrl;
        this.messages = messages;
        this.zone = clock.getZone();
    }

    String jsonLd(OpenData.Catalogue catalogue) {
        var locale = Locale.GERMAN;
        var p = catalogue.partnership();
        var base = baseUrl.link("/buerger/" + p.slug() + "/offene-daten");
        var settings = catalogue.settings();
        var publisher = new LinkedHashMap<String, Object>();
        if (settings.publisherUri() != null) {
            publisher.put("@id", settings.publisherUri());
        }
        publisher.put("@type", "foaf:Agent");
        publisher.put("foaf:name", settings.publisherName() != null ? settings.publisherName() : p.name());
        publisher.put("foaf:homepage", Map.of("@id", settings.publisherUri() != null ? settings.publisherUri()
                : baseUrl.link("/buerger/" + p.slug())));
        var contact = contactPoint(settings, (String) publisher.get("foaf:name"));
        var datasets = new ArrayList<Map<String, Object>>();
        Instant latest = null;
        for (var stored : catalogue.datasets()) {
            var dataset = stored.dataset();
            var modified = literal(stored.generatedAt());
            latest = latest == null || stored.generatedAt().isAfter(latest) ? stored.generatedAt() : latest;
            var title = messages.getMessage("openData.dataset." + dataset + ".title", null, locale);
            var distributions = new ArrayList<Map<String, Object>>();
            for (var format : List.of("csv", "json")) {
                var url = base + "/" + dataset.file() + "." + format;
                var distribution = new LinkedHashMap<String, Object>();
                distribution.put("@id", url + "#distribution");
                distribution.put("@type", "dcat:Distribution");
                distribution.put("dct:title", title + " (" + format.toUpperCase(Locale.ROOT) + ")");
                distribution.put("dcat:accessURL", Map.of("@id", url));
                distribution.put("dcat:downloadURL", Map.of("@id", url));
                distribution.put("dct:format", Map.of("@id", FORMATS.get(format)));
                distribution.put("dcat:mediaType", MEDIA_TYPES.get(format));
                distribution.put("dct:license", Map.of("@id", LICENSE));
                distribution.put("dcatde:licenseAttributionByText", p.name());
                distribution.put("dct:modified", modified);
                distributions.add(distribution);
            }
            var entry = new LinkedHashMap<String, Object>();
            entry.put("@id", base + "/" + dataset.file());
            entry.put("@type", "dcat:Dataset");
            entry.put("dct:identifier", base + "/" + dataset.file());
            entry.put("dct:title", title);
            entry.put("dct:description", messages.getMessage("openData.dataset." + dataset + ".description", null,
                    locale));
            entry.put("dct:publisher", publisher);
            if (settings.contributorId() != null) {
                entry.put("dcatde:contributorID", Map.of("@id", settings.contributorId()));
            }
            if (contact != null) {
                entry.put("dcat:contactPoint", contact);
            }
            entry.put("dcat:theme", Map.of("@id", THEME));
            entry.put("dcat:keyword", List.of("Sicherheitspartnerschaft", "Kriminalprävention", p.name()));
            entry.put("dct:language", Map.of("@id", LANGUAGE));
            entry.put("dct:accrualPeriodicity", Map.of("@id", FREQUENCY));
            entry.put("dct:modified", modified);
            entry.put("dcat:distribution", distributions);
            datasets.add(entry);
        }
        var context = new LinkedHashMap<String, Object>();
        context.put("dcat", "http://www.w3.org/ns/dcat#");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("dcatde", "http://dcat-ap.de/def/dcatde/");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("vcard", "http://www.w3.org/2006/vcard/ns#");
        context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        var root = new LinkedHashMap<String, Object>();
        root.put("@context", context);
        root.put("@id", base + "/catalog.jsonld");
        root.put("@type", "dcat:Catalog");
        root.put("dct:title", messages.getMessage("openData.catalogue.title", new Object[] {p.name()}, locale));
        root.put("dct:description", messages.getMessage("openData.catalogue.description", null, locale));
        root.put("dct:publisher", publisher);
        root.put("dct:language", Map.of("@id", LANGUAGE));
        root.put("dct:license", Map.of("@id", LICENSE));
        root.put("foaf:homepage", Map.of("@id", base));
        if (latest != null) {
            root.put("dct:modified", literal(latest));
        }
        root.put("dcat:dataset", datasets);
        return JSON.writeValueAsString(root);
    }

    /** A vcard:Organization with a mailbox and/or a contact page; {@code null} without either. */
    private static Map<String, Object> contactPoint(CatalogueSettings settings, String name) {
        if (!settings.hasContact()) {
            return null;
        }
        var contact = new LinkedHashMap<String, Object>();
        contact.put("@type", "vcard:Organization");
        contact.put("vcard:fn", name);
        if (settings.contactEmail() != null) {
            contact.put("vcard:hasEmail", Map.of("@id", "mailto:" + settings.contactEmail()));
        }
        if (settings.contactUrl() != null) {
            contact.put("vcard:hasURL", Map.of("@id", settings.contactUrl()));
        }
        return contact;
    }

    private Map<String, Object> literal(Instant at) {
        return Map.of("@value", at.atZone(zone).toOffsetDateTime().withNano(0).toString(), "@type", "xsd:dateTime");
    }
}
