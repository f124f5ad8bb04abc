package de.sipa.situation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * An offence group as the PKS forms it (Straßenkriminalität, Gewaltkriminalität …): the sum of the imported rows
 * whose offence key starts with one of its prefixes. A row that a more general matching row already contains is not
 * counted twice: with the prefixes 3 and 4, a file with 400000 (Diebstahl unter erschwerenden Umständen) and 435000
 * (Wohnungseinbruchdiebstahl) counts 400000 only.
 */
public record OffenceGroup(UUID id, String name, List<String> prefixes, int position) {

    /** The PKS's usual groups with their keys, used while a partnership has not changed its list. */
    static final List<OffenceGroup> DEFAULTS = List.of(
            preset("Straftaten insgesamt", 1, "000000"),
            preset("Straßenkriminalität", 2, "899"),
            preset("Gewaltkriminalität", 3, "892"),
            preset("Diebstahl insgesamt", 4, "3", "4"),
            preset("Wohnungseinbruchdiebstahl", 5, "435"),
            preset("Sachbeschädigung", 6, "674"),
            preset("Rauschgiftdelikte", 7, "73"));

    public OffenceGroup {
        prefixes = List.copyOf(prefixes);
    }

    /** The prefixes as the admin list shows and edits them: "3, 4". */
    public String prefixesText() {
        return String.join(", ", prefixes);
    }

    boolean matches(String offenceKey) {
        return prefixes.stream().anyMatch(offenceKey::startsWith);
    }

    /** Whether the row with key {@code general} contains the row with key {@code specific} (400000 contains 435100). */
    static boolean contains(String general, String specific) {
        if (general.equals(specific)) {
            return false;
        }
        var stem = general.replaceFirst("0+$", "");
        return specific.startsWith(stem);
    }

    /** A default group's id is the same in every partnership and every run, so links to it stay valid. */
    private static OffenceGroup preset(String name, int position, String... prefixes) {
        return new OffenceGroup(UUID.nameUUIDFromBytes(("pks-group:" + name).getBytes(StandardCharsets.UTF_8)), name,
                List.of(prefixes), position);
    }
}
