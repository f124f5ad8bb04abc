package de.sipa.reports.open311;

import static de.sipa.reports.open311.Open311Documents.DATETIME;
import static de.sipa.reports.open311.Open311Documents.assertJsonError;
import static de.sipa.reports.open311.Open311Documents.assertXmlError;
import static de.sipa.reports.open311.Open311Documents.child;
import static de.sipa.reports.open311.Open311Documents.children;
import static de.sipa.reports.open311.Open311Documents.json;
import static de.sipa.reports.open311.Open311Documents.names;
import static de.sipa.reports.open311.Open311Documents.text;
import static de.sipa.reports.open311.Open311Documents.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.SipaIntegrationTest;
import de.sipa.reports.open311.Open311Cities.Open311City;

/** GET discovery, GET services and GET services/{service_code}, as the GeoReport v2 spec shapes them. */
@SipaIntegrationTest
class DiscoveryAndServicesConformanceTests {

    static final String SERVICE_FIELDS[] = {"service_code", "service_name", "description", "metadata", "type",
        "keywords", "group"};

    @Autowired
    MockMvc mvc;

    @Autowired
    Open311Cities cities;

    Open311City city;

    @BeforeEach
    void city() {
        city = cities.create();
    }

    @Test
    void discoveryListsTheV2EndpointInBothFormats() throws Exception {
        var json = json(mvc.perform(get("/open311/v2/discovery.json").accept(MediaType.TEXT_HTML)).andReturn());
        assertThat(names(json)).containsExactly("changeset", "contact", "key_service", "endpoints");
        assertThat(json.get("changeset").asString()).matches(DATETIME);
        var endpoint = json.get("endpoints").get(0);
        assertThat(names(endpoint)).containsExactly("specification", "url", "changeset", "type", "formats");
        assertThat(endpoint.get("url").asString()).endsWith("/open311/v2");
        assertThat(endpoint.get("formats").get(0).asString()).isEqualTo("text/xml");

        var xml = xml(mvc.perform(get("/open311/v2/discovery.xml").accept(MediaType.APPLICATION_JSON)).andReturn());
        assertThat(xml.getTagName()).isEqualTo("discovery");
        assertThat(names(xml)).containsExactly("changeset", "contact", "key_service", "endpoints");
        var xmlEndpoint = child(child(xml, "endpoints"), "endpoint");
        assertThat(names(xmlEndpoint)).containsExactly("specification", "url", "changeset", "type", "formats");
        assertThat(names(child(xmlEndpoint, "formats"))).containsExactly("format", "format");
    }

    @Test
    void servicesAreTheActiveCategoriesWithMetadataAndType() throws Exception {
        var json = json(mvc.perform(get("/open311/v2/services.json").param("jurisdiction_id", city.slug())).andReturn());
        assertThat(json.isArray()).isTrue();
        assertThat(json.size()).isEqualTo(3);
        for (var service : json) {
            assertThat(names(service)).containsExactly(SERVICE_FIELDS);
            assertThat(service.get("metadata").isBoolean()).isTrue();
        }
        var drugs = json.get(0);
        assertThat(drugs.get("service_code").asString()).isEqualTo(city.drugs().code());
        assertThat(drugs.get("service_name").asString()).isEqualTo(city.drugs().name());
        assertThat(drugs.get("metadata").asBoolean()).isTrue();
        assertThat(drugs.get("type").asString()).isEqualTo("realtime");
        assertThat(drugs.get("keywords").asString()).isEqualTo("drogen,spritzen,dealer");
        assertThat(json.get(1).get("type").asString()).as("moderated, but its id is given at once")
                .isEqualTo("realtime");
        assertThat(json.get(1).get("metadata").asBoolean()).isFalse();

        var xml = xml(mvc.perform(get("/open311/v2/services.xml").param("jurisdiction_id", city.slug())).andReturn());
        assertThat(xml.getTagName()).isEqualTo("services");
        assertThat(names(xml)).containsExactly("service", "service", "service");
        var first = children(xml).get(0);
        assertThat(names(first)).containsExactly(SERVICE_FIELDS);
        assertThat(text(first, "metadata")).isEqualTo("true");
        assertThat(text(children(xml).get(1), "type")).isEqualTo("realtime");
    }

    @Test
    void serviceDefinitionDescribesTheAttributes() throws Exception {
        var json = json(mvc.perform(get("/open311/v2/services/drogen.json").param("jurisdiction_id", city.slug()))
                .andReturn());
        assertThat(names(json)).containsExactly("service_code", "attributes");
        assertThat(json.get("service_code").asString()).isEqualTo("drogen");
        var attributes = json.get("attributes");
        assertThat(attributes.size()).isEqualTo(city.drugs().attributes().size());
        var art = attributes.get(0);
        assertThat(names(art)).containsExactly("variable", "code", "datatype", "required", "datatype_description",
                "order", "description", "values");
        assertThat(art.get("variable").isBoolean()).isTrue();
        assertThat(art.get("required").isBoolean()).isTrue();
        assertThat(art.get("required").asBoolean()).isTrue();
        assertThat(art.get("order").isNumber()).isTrue();
        assertThat(art.get("datatype").asString()).isEqualTo("singlevaluelist");
        assertThat(names(art.get("values").get(0))).containsExactly("key", "name");
        assertThat(art.get("values").get(0).get("key").asString()).isEqualTo("konsum");
        assertThat(attributes.get(1).get("datatype").asString()).isEqualTo("multivaluelist");
        assertThat(attributes.get(1).get("required").asBoolean()).isFalse();
        assertThat(attributes.get(2).get("order").asInt()).isEqualTo(3);

        var xml = xml(mvc.perform(get("/open311/v2/services/drogen.xml").param("jurisdiction_id", city.slug()))
                .andReturn());
        assertThat(xml.getTagName()).isEqualTo("service_definition");
        assertThat(names(xml)).containsExactly("service_code", "attributes");
        var attribute = children(child(xml, "attributes")).get(0);
        assertThat(attribute.getTagName()).isEqualTo("attribute");
        assertThat(text(attribute, "required")).isEqualTo("true");
        assertThat(names(child(attribute, "values"))).containsExactly("value", "value");
        assertThat(text(children(child(attribute, "values")).get(1), "name")).isEqualTo("Handel");
    }

    @Test
    void errorsComeInTheSpecsFormat() throws Exception {
        assertJsonError(mvc.perform(get("/open311/v2/services/unbekannt.json").param("jurisdiction_id", city.slug()))
                .andReturn(), 404);
        assertXmlError(mvc.perform(get("/open311/v2/services/unbekannt.xml").param("jurisdiction_id", city.slug()))
                .andReturn(), 404);
        assertJsonError(mvc.perform(get("/open311/v2/services.json").param("jurisdiction_id", "gibt-es-nicht"))
                .andReturn(), 404);
        assertXmlError(mvc.perform(get("/open311/v2/services.xml").param("jurisdiction_id", "gibt-es-nicht"))
                .andReturn(), 404);
        assertJsonError(mvc.perform(get("/open311/v2/services.html").param("jurisdiction_id", city.slug()))
                .andReturn(), 404);
        assertXmlError(mvc.perform(get("/open311/v2/nichts.xml")).andReturn(), 404);
        assertJsonError(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/open311/v2/services.json")).andReturn(), 400);
    }
}
