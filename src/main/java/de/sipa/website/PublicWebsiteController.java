package de.sipa.website;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import de.sipa.legal.LegalNotices;
import de.sipa.partners.Bodies;
import de.sipa.partners.Partnership;
import de.sipa.partners.Partnerships;
import de.sipa.places.Places;
import de.sipa.shared.NotFoundException;
import de.sipa.surveys.SurveyAnswering;

/**
 * The partnership's public website, without login and without JavaScript: the home page, the news with their Atom
 * feed, and the list of published places. Everything else it links lives in its own module.
 */
@Controller
class PublicWebsiteController {

    static final int PAGE_SIZE = 10;
    static final int LATEST = 3;
    static final int FEED_SIZE = 20;

    private final Partnerships partnerships;
    private final Bodies bodies;
    private final LegalNotices legalNotices;
    private final NewsPosts news;
    private final Places places;
    private final SurveyAnswering surveys;
    private final MessageSource messages;
    private final Clock clock;

    PublicWebsiteController(Partnerships partnerships, Bodies bodies, LegalNotices legalNotices, NewsPosts news,
            Places places, SurveyAnswering surveys, MessageSource messages, Clock clock) {
        this.partnerships = partnerships;
        this.bodies = bodies;
        this.legalNotices = legalNotices;
        this.news = news;
        this.places = places;
        this.surveys = surveys;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/buerger/{slug}")
    String home(@PathVariable String slug, Model model, Locale locale) {
        var partnership = partnership(slug, model);
        model.addAttribute("bodies", bodies.publicBodies(partnership.id()));
        model.addAttribute("contact", contact(legalNotices.imprint(slug, locale).orElseThrow().paragraphs()));
        model.addAttribute("latest", news.published(partnership.id(), 0, LATEST).posts());
        model.addAttribute("waves", surveys.openWaves(partnership.id()));
        model.addAttribute("places", places.published(partnership.id()));
        return "website/home";
    }

    @GetMapping("/buerger/{slug}/neuigkeiten")
    String news(@PathVariable String slug, @RequestParam(name = "seite", defaultValue = "1") int page, Model model) {
        var partnership = partnership(slug, model);
        model.addAttribute("news", news.published(partnership.id(), Math.max(0, page - 1), PAGE_SIZE));
        return "website/news";
    }

    @GetMapping("/buerger/{slug}/neuigkeiten/{id}")
    String post(@PathVariable String slug, @PathVariable UUID id, Model model) {
        var partnership = partnership(slug, model);
        model.addAttribute("post", news.published(partnership.id(), new NewsPostId(id))
                .orElseThrow(() -> new NotFoundException("NewsPost", id)));
        return "website/post";
    }

    @GetMapping(path = "/buerger/{slug}/neuigkeiten.atom", produces = "application/atom+xml")
    ResponseEntity<String> feed(@PathVariable String slug, Locale locale) {
        var partnership = partnerships.bySlug(slug).orElseThrow(() -> new NotFoundException("Partnership", slug));
        var site = ServletUriComponentsBuilder.fromCurrentContextPath().path("/buerger/{slug}")
                .buildAndExpand(partnership.slug()).toUriString();
        var title = messages.getMessage("site.news.feedTitle", new Object[] {partnership.name()}, locale);
        var xml = NewsFeed.atom(partnership, site, title, news.published(partnership.id(), 0, FEED_SIZE).posts(),
                clock.instant());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(xml);
    }

    @GetMapping("/buerger/{slug}/orte")
    String places(@PathVariable String slug, Model model) {
        var partnership = partnership(slug, model);
        model.addAttribute("places", places.published(partnership.id()));
        return "website/places";
    }

    /**
     * The coordinator's contact from the Impressum: its address (the first paragraph of several lines) and its
     * paragraph headed "Kontakt"; the whole Impressum where it has neither.
     */
    static List<List<String>> contact(List<List<String>> imprint) {
        var shown = new ArrayList<List<String>>();
        imprint.stream().filter(p -> p.size() > 1).findFirst().ifPresent(shown::add);
        imprint.stream().filter(p -> p.get(0).strip().matches("(?i)(kontakt|contact).*")).findFirst()
                .filter(p -> !shown.contains(p)).ifPresent(shown::add);
        return shown.isEmpty() ? imprint : List.copyOf(shown);
    }

    private Partnership partnership(String slug, Model model) {
        var partnership = partnerships.bySlug(slug).orElseThrow(() -> new NotFoundException("Partnership", slug));
        model.addAttribute("partnership", partnership);
        model.addAttribute("publicSlug", partnership.slug());
        return partnership;
    }
}
