package de.sipa.situation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import de.sipa.partners.Partnerships;
import de.sipa.shared.NotFoundException;

/** The crime figures the coordination has published, for everybody without login: the whole city only. */
@Controller
class PublishedCrimeFigureController {

    private final PublishedCrimeFigures published;
    private final Partnerships partnerships;

    PublishedCrimeFigureController(PublishedCrimeFigures published, Partnerships partnerships) {
        this.published = published;
        this.partnerships = partnerships;
    }

    @GetMapping("/buerger/{slug}/kriminalstatistik")
    String page(@PathVariable String slug, Model model) {
        var partnership = partnerships.bySlug(slug).orElseThrow(() -> new NotFoundException("Partnership", slug));
        model.addAttribute("partnership", partnership);
        model.addAttribute("publicSlug", partnership.slug());
        model.addAttribute("years", published.of(partnership.id()));
        return "situation/public-crime-figures";
    }
}
