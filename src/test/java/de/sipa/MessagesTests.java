package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class MessagesTests {

    @Test
    void germanAndEnglishMessagesHaveTheSameKeys() throws IOException {
        var german = load("/messages.properties");
        var english = load("/messages_en.properties");

        assertThat(german).isNotEmpty();
        assertThat(english.keySet()).containsExactlyInAnyOrderElementsOf(german.keySet());
    }

    @Test
    void noMessageIsLeftEmpty() throws IOException {
        for (var file : new String[] {"/messages.properties", "/messages_en.properties"}) {
            assertThat(load(file).entrySet()).allSatisfy(e -> assertThat(e.getValue().toString()).as(file + " " + e.getKey()).isNotBlank());
        }
    }

    /** A key written twice silently shows only its last text (two branches once added the same key). */
    @Test
    void noKeyIsWrittenTwice() throws IOException {
        for (var file : new String[] {"/messages.properties", "/messages_en.properties"}) {
            var seen = new java.util.HashSet<String>();
            var twice = new java.util.ArrayList<String>();
            var properties = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    if (!seen.add((String) key)) {
                        twice.add((String) key);
                    }
                    return super.put(key, value);
                }
            };
            try (var in = MessagesTests.class.getResourceAsStream(file)) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(twice).as(file).isEmpty();
        }
    }

    /**
     * The audit trail names each entry's kind of record by the message {@code audit.subject.<type>}: every type the
     * code records has one (six once showed as "??audit.subject.NetworkMeeting_de??").
     */
    @Test
    void everyKindOfRecordInTheAuditTrailHasALabel() throws IOException {
        var recorded = java.util.regex.Pattern.compile("AuditAction\\.\\w+,\\s*\"(\\w+)\"");
        var types = new java.util.TreeSet<String>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                recorded.matcher(java.nio.file.Files.readString(file)).results().forEach(m -> types.add(m.group(1)));
            }
        }
        assertThat(types).as("types found in the code").contains("Organisation", "NetworkMeeting");
        for (var file : new String[] {"/messages.properties", "/messages_en.properties"}) {
            var messages = load(file);
            assertThat(types).as(file).allSatisfy(type -> assertThat(messages).containsKey("audit.subject." + type));
        }
    }

    private static Properties load(String resource) throws IOException {
        var properties = new Properties();
        try (var in = MessagesTests.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
