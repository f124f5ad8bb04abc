package de.sipa.website;

import java.util.List;

/** One page of published news, for the public list: {@code page} counts from 0. */
public record PublicNews(List<NewsPost> posts, int page, int pages, long total) {

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages;
    }
}
