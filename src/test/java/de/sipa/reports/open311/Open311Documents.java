package de.sipa.reports.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.springframework.test.web.servlet.MvcResult;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads API answers with real parsers: Jackson for JSON, the JDK's DOM parser for XML. */
final class Open311Documents {

    static final String DATETIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Open311Documents() {
    }

    static JsonNode json(MvcResult result) throws Exception {
        assertThat(result.getResponse().getContentType()).startsWith("application/json");
        return JSON.readTree(result.getResponse().getContentAsByteArray());
    }

    static Element xml(MvcResult result) throws Exception {
        assertThat(result.getResponse().getContentType()).startsWith("text/xml");
        var body = result.getResponse().getContentAsByteArray();
        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
    }

    static List<Element> children(Element parent) {
        var children = new ArrayList<Element>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element) {
                children.add((Element) node);
            }
        }
        return children;
    }

    static List<String> names(Element parent) {
        return children(parent).stream().map(Element::getTagName).toList();
    }

    static Element child(Element parent, String name) {
        return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("<" + parent.getTagName() + "> has no <" + name + ">"));
    }

    static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }

    static List<String> names(JsonNode object) {
        return List.copyOf(object.propertyNames());
    }

    /** The spec's error answer: [{"code": status, "description": "…"}]. */
    static void assertJsonError(MvcResult result, int status) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        var errors = json(result);
        assertThat(errors.isArray()).isTrue();
        assertThat(errors.size()).isEqualTo(1);
        assertThat(names(errors.get(0))).containsExactly("code", "description");
        assertThat(errors.get(0).get("code").isNumber()).isTrue();
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(status);
        assertThat(errors.get(0).get("description").isString()).isTrue();
        assertThat(errors.get(0).get("description").asString()).isNotBlank();
    }

    /** The spec's error answer: {@code <errors><error><code>…</code><description>…</description></error></errors>}. */
    static void assertXmlError(MvcResult result, int status) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        var errors = xml(result);
        assertThat(errors.getTagName()).isEqualTo("errors");
        assertThat(names(errors)).containsExactly("error");
        var error = child(errors, "error");
        assertThat(names(error)).containsExactly("code", "description");
        assertThat(text(error, "code")).isEqualTo(String.valueOf(status));
        assertThat(text(error, "description")).isNotBlank();
    }
}
