package de.sipa.website;

import java.util.List;
import java.util.UUID;

/**
 * A news post as the coordination types it.
 *
 * @param text plain text with blank lines between paragraphs, or HTML of the safelist ({@link NewsText})
 * @param partners the organisations named in a joint statement, who must approve it; empty for own news
 */
public record PostDraft(String title, String teaser, String text, List<UUID> partners) {

    public PostDraft {
        partners = partners == null ? List.of() : List.copyOf(partners);
    }
}
