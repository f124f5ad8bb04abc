package de.sipa.meetings.oparl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

import de.sipa.DemoIntegrationTest;

/**
 * The whole OParl API of the Musterstadt demo validated against the JSON schemas of the OParl 1.1 specification
 * (src/test/resources/oparl-schema, CC BY-SA 4.0): from the system object along every list URL, every page and
 * every object, embedded objects against the schema the spec names for them. On the demo data shared by the demo
 * tests ({@link DemoIntegrationTest}).
 */
@DemoIntegrationTest
class OparlSchemaTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE = "https://schema.oparl.org/1.1/";

    @Autowired
    MockMvc mvc;

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private final Map<String, JsonSchema> schemas = new HashMap<>();
    private final Map<String, JsonNode> schemaTexts = new HashMap<>();
    private final Set<String> listsWalked = new HashSet<>();
    private final List<String> errors = new ArrayList<>();
    private final Map<String, Integer> validated = new HashMap<>();

    @Test
    void theWholeDemoApiValidatesAgainstTheSpecsSchemasWithoutErrors() throws Exception {
        validate(fetch("/oparl/v1.1"), "System.json", "/oparl/v1.1");

        assertThat(errors).as("schema errors").isEmpty();
        assertThat(validated).as("objects validated per type").containsKeys("System.json", "Body.json",
                "Organization.json", "Person.json", "Membership.json", "Meeting.json", "AgendaItem.json", "Paper.json",
                "Consultation.json", "File.json", "Location.json", "LegislativeTerm.json");
        System.out.println("OParl schema validation: " + validated + ", errors: " + errors.size());
    }

    @Test
    void theValidatorChecksFormatsSuchAsADateThatIsNoDateTime() throws Exception {
        var file = JSON.readTree("""
                {"id": "https://sipa.example/oparl/v1.1/bodies/x/files/1", "type": "https://schema.oparl.org/1.1/File",
                 "accessUrl": "https://sipa.example/f", "date": "2026-01-01T10:00:00+01:00"}""");
        assertThat(schema("File.json").validate(file)).isNotEmpty();
    }

    /** One object against its schema; then what it embeds and the lists it links to, against theirs. */
    private void validate(JsonNode object, String schemaFile, String where) throws Exception {
        assertThat(object.path("type").asText()).as(where).isEqualTo(TYPE + schemaFile.replace(".json", ""));
        validated.merge(schemaFile, 1, Integer::sum);
        if (object.path("deleted").asBoolean(false)) {
            return; // a deleted object keeps id, type, created, modified and deleted only, as the spec says
        }
        schema(schemaFile).validate(object).forEach(message -> errors.add(object.path("id").asText() + ": " + message));
        var properties = schemaText(schemaFile).path("properties");
        for (var names = properties.fieldNames(); names.hasNext(); ) {
            var name = names.next();
            var property = properties.path(name);
            var value = object.path(name);
            if (value.isMissingNode()) {
                continue;
            }
            if (property.has("schema") && value.isObject()) {
                validate(value, property.path("schema").asText(), where + "." + name);
            } else if (property.path("items").has("schema") && value.isTextual()) {
                walk(value.asText(), property.path("items").path("schema").asText()); // a list's URL
            } else if (property.path("items").has("schema") && value.isArray()) {
                for (var element : value) {
                    if (element.isObject()) {
                        validate(element, property.path("items").path("schema").asText(), where + "." + name);
                    }
                }
            }
        }
    }

    /** A list along its next links, each element against the schema; each list once. */
    private void walk(String url, String schemaFile) throws Exception {
        if (!listsWalked.add(url)) {
            return;
        }
        var next = url;
        while (next != null) {
            var page = fetch(next);
            assertThat(page.has("data") && page.has("pagination") && page.has("links")).as(next).isTrue();
            for (var element : page.path("data")) {
                validate(element, schemaFile, next);
            }
            next = page.path("links").has("next") ? page.path("links").path("next").asText() : null;
        }
    }

    private JsonNode fetch(String url) throws Exception {
        var components = UriComponentsBuilder.fromUriString(url).build();
        var path = components.getPath() + (components.getQuery() == null ? "" : "?" + components.getQuery());
        var body = mvc.perform(get(URI.create(path))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JSON.readTree(body);
    }

    private JsonSchema schema(String file) {
        return schemas.computeIfAbsent(file, f -> factory.getSchema(schemaText(f)));
    }

    private JsonNode schemaText(String file) {
        return schemaTexts.computeIfAbsent(file, f -> {
            try (var in = getClass().getResourceAsStream("/oparl-schema/" + f)) {
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
