package de.sipa.reports.open311;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a response tree (ordered maps, lists, strings, numbers, booleans, {@code null}) as GeoReport v2 JSON or
 * XML. In XML a list is an element per item named as the singular of the list's element
 * ({@code <attributes><attribute>…}), {@code null} an empty element.
 */
final class Open311Writer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private static final Map<String, String> SINGULAR = Map.of("attributes", "attribute", "values", "value",
            "endpoints", "endpoint", "formats", "format", "updates", "update", "media_urls", "media_url",
            "service_requests", "request", "services", "service", "errors", "error");

    private Open311Writer() {
    }

    static ResponseEntity<byte[]> ok(Open311Format format, String root, Object tree) {
        return respond(200, format, root, tree);
    }

    static ResponseEntity<byte[]> error(Open311Format format, int status, String description) {
        return respond(status, format, "errors", List.of(errorOf(status, description)));
    }

    static Map<String, Object> errorOf(int status, String description) {
        var error = new LinkedHashMap<String, Object>();
        error.put("code", status);
        error.put("description", description);
        return error;
    }

    static ResponseEntity<byte[]> respond(int status, Open311Format format, String root, Object tree) {
        return ResponseEntity.status(status).contentType(format.mediaType()).body(write(format, root, tree));
    }

    static byte[] write(Open311Format format, String root, Object tree) {
        return format == Open311Format.JSON ? JSON.writeValueAsBytes(tree) : xml(root, tree);
    }

    private static byte[] xml(String root, Object tree) {
        var out = new ByteArrayOutputStream();
        try {
            var writer = XML.createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            element(writer, root, tree);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter writer, String name, Object value) throws XMLStreamException {
        if (value == null) {
            writer.writeEmptyElement(name);
            return;
        }
        writer.writeStartElement(name);
        if (value instanceof Map) {
            for (var entry : ((Map<?, ?>) value).entrySet()) {
                element(writer, entry.getKey().toString(), entry.getValue());
            }
        } else if (value instanceof List) {
            var item = SINGULAR.getOrDefault(name, "item");
            for (var each : (List<?>) value) {
                element(writer, item, each);
            }
        } else {
            writer.writeCharacters(clean(value.toString()));
        }
        writer.writeEndElement();
    }

    /** Drops characters XML 1.0 cannot carry (control characters a client may have sent). */
    private static String clean(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(out::appendCodePoint);
        return out.toString();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
