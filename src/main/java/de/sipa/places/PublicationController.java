package de.sipa.places;

import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.shared.FlashSteps;

/** The coordination shows a place to the citizens or takes it back, and moderates the citizens' comments. */
@Controller
@RequestMapping("/orte/{id}/konzept")
class PublicationController {

    private final Places places;
    private final PublicPlaces publicPlaces;
    private final MessageSource messages;

    PublicationController(Places places, PublicPlaces publicPlaces, MessageSource messages) {
        this.places = places;
        this.publicPlaces = publicPlaces;
        this.messages = messages;
    }

    @PostMapping("/veroeffentlichung")
    String publish(@PathVariable UUID id, @RequestParam boolean published, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, published ? "place.published" : "place.withdrawn",
                () -> places.publish(new PlaceId(id), published), "/orte/" + id + "/konzept");
    }

    @PostMapping("/kommentare/{comment}")
    String moderate(@PathVariable UUID id, @PathVariable UUID comment, @RequestParam boolean publish,
            RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, publish ? "placeComment.approved" : "placeComment.hidden",
                () -> publicPlaces.moderate(new PlaceId(id), comment, publish), "/orte/" + id + "/konzept");
    }
}
