package de.sipa.networks;

import java.util.List;

/**
 * What a Land programme asks of its partnerships, as a template: the bodies (set up as working groups, to be changed
 * at will), the contact point's categories, the topics of the matrix and the standard survey items (by their key in
 * the item library), each list in its order.
 */
public record LandProgramme(NetworkId network, List<String> bodies, List<String> categories, List<String> topics,
        List<String> surveyItems) {

    /** One of the lists ({@code bodies}, {@code categories}, {@code topics}) as a form shows it, one a line. */
    public String lines(String list) {
        return String.join("\n", switch (list) {
            case "bodies" -> bodies;
            case "categories" -> categories;
            case "topics" -> topics;
            default -> throw new IllegalArgumentException(list);
        });
    }

    /** What applying the programme added to a partnership; what it already had (by name) is left as it was. */
    public record Applied(int bodies, int categories, int topics, int surveyItems) {
    }
}
