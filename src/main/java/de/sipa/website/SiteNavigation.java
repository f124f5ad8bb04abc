package de.sipa.website;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import de.sipa.partners.Partnership;
import de.sipa.partners.Partnerships;
import de.sipa.shared.PublicPage;

/**
 * The navigation of the partnership's public website, shown in the header of every public page
 * ({@code /buerger/{slug}…}) as the model attribute {@code siteNav}.
 *
 * <p>Pages of other modules that may not exist yet ({@link #OPTIONAL}: the published prevention projects, the annual
 * reports, open data) are linked only once the app serves their path: no switch to turn on, and no dead link while
 * they are missing; and of those, a page its module serves only for some partnerships ({@link PublicPage}: open data
 * once switched on) only for the partnerships that publish it.
 */
@ControllerAdvice
class SiteNavigation {

    /** One link; {@code key} names its label in the messages files. */
    record Link(String key, String path) {
    }

    /** Public pages of other modules the navigation links when they exist: label key and path under the slug. */
    static final List<Link> OPTIONAL = List.of(
            new Link("site.nav.projects", "/projekte"),
            new Link("site.nav.annualReports", "/berichte"),
            new Link("site.nav.openData", "/offene-daten"));

    private static final Pattern PUBLIC_PAGE = Pattern.compile("^/buerger/([a-z0-9][a-z0-9-]*)(/.*)?$");

    private final RequestMappingHandlerMapping mappings;
    private final Partnerships partnerships;
    private final List<PublicPage> publishedBySome;
    private volatile List<Link> optionalServed;

    SiteNavigation(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
            Partnerships partnerships, List<PublicPage> publishedBySome) {
        this.mappings = mappings;
        this.partnerships = partnerships;
        this.publishedBySome = List.copyOf(publishedBySome);
    }

    /** The links for the partnership with this slug, in the order the header shows them. */
    List<Link> links(String slug) {
        var base = "/buerger/" + slug;
        var links = new ArrayList<Link>();
        links.add(new Link("site.nav.home", base));
        links.add(new Link("site.nav.news", base + "/neuigkeiten"));
        links.add(new Link("site.nav.report", base + "/melden"));
        links.add(new Link("site.nav.map", base + "/karte"));
        links.add(new Link("site.nav.places", base + "/orte"));
        links.add(new Link("site.nav.volunteers", base + "/ehrenamt"));
        links.add(new Link("site.nav.crimeFigures", base + "/kriminalstatistik"));
        var partnership = partnerships.bySlug(slug).map(Partnership::id);
        for (var optional : optionalServed()) {
            if (publishedBySome.stream().filter(page -> page.path().equals(optional.path()))
                    .allMatch(page -> partnership.filter(page::publishedBy).isPresent())) {
                links.add(new Link(optional.key(), base + optional.path()));
            }
        }
        return List.copyOf(links);
    }

    /** On every public page of a partnership; {@code null} elsewhere (the status page of a report names no slug). */
    @ModelAttribute("siteNav")
    List<Link> siteNav(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var matcher = PUBLIC_PAGE.matcher(path);
        if (!matcher.matches() || matcher.group(1).equals("anliegen")) {
            return null;
        }
        return links(matcher.group(1));
    }

    /** The page's path, for {@code aria-current} in the navigation. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/buerger/") ? path : null;
    }

    private List<Link> optionalServed() {
        var served = optionalServed;
        if (served == null) {
            var patterns = mappings.getHandlerMethods().keySet().stream()
                    .flatMap(info -> info.getPatternValues().stream()).toList();
            served = OPTIONAL.stream().filter(l -> patterns.contains("/buerger/{slug}" + l.path())).toList();
            optionalServed = served;
        }
        return served;
    }
}
