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

    private static Properties load(String resource) throws IOException {
        var properties = new Properties();
        try (var in = MessagesTests.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
