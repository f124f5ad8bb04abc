package de.sipa.places;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.partners.Partnership;
import de.sipa.partners.Partnerships;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.NotFoundException;

/**
 * The public page of a published place, without login, beside the citizens' report pages: the concept in plain
 * words with the measures' progress, a comment form and the rating "how safe do you feel here". The device is
 * recognised by a random token in a cookie of the public pages, nothing else.
 */
@Controller
@RequestMapping("/buerger/{slug}/orte/{id}")
class PublicPlaceController {

    static final String DEVICE_COOKIE = "sipa_geraet";

    private final PublicPlaces publicPlaces;
    private final Partnerships partnerships;
    private final MessageSource messages;
    private final Clock clock;

    PublicPlaceController(PublicPlaces publicPlaces, Partnerships partnerships, MessageSource messages, Clock clock) {
        this.publicPlaces = publicPlaces;
        this.partnerships = partnerships;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String page(@PathVariable String slug, @PathVariable UUID id,
            @CookieValue(name = DEVICE_COOKIE, required = false) String device, Model model) {
        var partnership = partnership(slug);
        var view = publicPlaces.view(partnership.id(), new PlaceId(id))
                .orElseThrow(() -> new NotFoundException("Place", id));
        model.addAttribute("partnership", partnership);
        model.addAttribute("publicSlug", partnership.slug());
        model.addAttribute("view", view);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("rated", publicPlaces.ratedThisMonth(view.place().id(), device));
        return "places/public";
    }

    @PostMapping("/kommentar")
    String comment(@PathVariable String slug, @PathVariable UUID id, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String website, RedirectAttributes redirect) {
        var partnership = partnership(slug);
        if (website.isBlank()) { // a bot fills in the hidden field and is thanked without storing anything
            FlashSteps.run(redirect, messages, "publicPlace.comment.thanks",
                    () -> publicPlaces.comment(partnership.id(), new PlaceId(id), text), FlashSteps.typed("text", text));
        } else {
            redirect.addFlashAttribute("success", "publicPlace.comment.thanks");
        }
        return "redirect:/buerger/" + slug + "/orte/" + id;
    }

    @PostMapping("/bewertung")
    String rate(@PathVariable String slug, @PathVariable UUID id, @RequestParam(defaultValue = "0") int score,
            @CookieValue(name = DEVICE_COOKIE, required = false) String device, HttpServletResponse response,
            RedirectAttributes redirect) {
        var partnership = partnership(slug);
        var token = device;
        if (token == null || token.isBlank() || token.length() > 64) {
            token = UUID.randomUUID().toString();
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(DEVICE_COOKIE, token).path("/buerger")
                    .maxAge(Duration.ofDays(400)).httpOnly(true).sameSite("Lax").build().toString());
        }
        var deviceToken = token;
        FlashSteps.run(redirect, messages, "publicPlace.rating.thanks",
                () -> publicPlaces.rate(partnership.id(), new PlaceId(id), deviceToken, score));
        return "redirect:/buerger/" + slug + "/orte/" + id;
    }

    private Partnership partnership(String slug) {
        return partnerships.bySlug(slug).orElseThrow(() -> new NotFoundException("Partnership", slug));
    }
}
