package de.sipa.web;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * URL helpers for templates ({@code ${@urls.page(2)}}). They answer paths relative to the host (no scheme, no
 * host), so a link never repeats the request's {@code Host} header; absolute links come from
 * {@link de.sipa.shared.BaseUrl}.
 */
@Component("urls")
public class Urls {

    /** The current request's URL with one parameter replaced, e.g. the view of a list. */
    public String withParam(String name, String value) {
        return current().replaceQueryParam(name, value).replaceQueryParam("page").build().toUriString();
    }

    /** Another path with the current request's query, e.g. the data of the page's map. */
    public String path(String path) {
        return current().replacePath(path).build().toUriString();
    }

    /** The current request's URL, all filters kept, on another page of the results. */
    public String page(int page) {
        return page("page", page);
    }

    /** The same for one of several lists on a page, each paged by its own parameter. */
    public String page(String parameter, int page) {
        return current().replaceQueryParam(parameter, page).build().toUriString();
    }

    private static UriComponentsBuilder current() {
        var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString());
    }
}
