package de.sipa.surveys;

import java.util.List;

/** A page of a wave's free-text answers, for reading. */
public record FreeTextPage(List<Answer> answers, int page, int pages, long total) {

    public record Answer(String question, String text, String district) {
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
