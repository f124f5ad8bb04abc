package de.sipa.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** URL helpers for templates ({@code ${@urls.page(2)}}). */
@Component("urls")
public class Urls {

    /** The current request's URL, all filters kept, on another page of the results. */
    public String page(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build()
                .toUriString();
    }
}
