package de.sipa.reports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** The demo's German texts, one per line under a {@code [section]}, read from a resource file. */
final class DemoTexts {

    private final Map<String, List<String>> sections;

    private DemoTexts(Map<String, List<String>> sections) {
        this.sections = sections;
    }

    static DemoTexts load(String resource) {
        var sections = new HashMap<String, List<String>>();
        var in = DemoTexts.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Demo texts missing: " + resource);
        }
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> current = null;
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                var text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                if (text.startsWith("[") && text.endsWith("]")) {
                    current = sections.computeIfAbsent(text.substring(1, text.length() - 1), k -> new ArrayList<>());
                } else if (current != null) {
                    current.add(text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DemoTexts(sections);
    }

    List<String> all(String section) {
        return sections.getOrDefault(section, List.of());
    }

    String any(String section, RandomGenerator random) {
        var texts = all(section);
        if (texts.isEmpty()) {
            throw new IllegalStateException("Demo texts missing: [" + section + "]");
        }
        return texts.get(random.nextInt(texts.size()));
    }
}
