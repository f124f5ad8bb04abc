package de.sipa.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** URL helpers for templates ({@code ${@urls.page(2)}}). */
@Component("urls")
public class Urls {

    /** The current request's URL with one parameter replaced, e.g. the view of a list. */
    public String withParam(String name, String value) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam(name, value)
                .replaceQueryParam("page").build().toUriString();
    }

    /** Another path with the current request's query, e.g. the data of the page's map. */
    public String path(String path) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replacePath(path).build().toUriString();
    }

    /** The current request's URL, all filters kept, on another page of the results. */
    public String page(int page) {
        return page("page", page);
    }

    /** The same for one of several lists on a page, each paged by its own parameter. */
    public String page(String parameter, int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam(parameter, page).build()
                .toUriString();
    }
}
